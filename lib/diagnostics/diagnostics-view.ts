import type { DiagnosticsFile } from '../db/schema';

/** A diagnostics request as the API and the UI show it (never the token or the disk path). */
export function diagnosticsView(file: DiagnosticsFile, now = new Date()) {
  const state = file.uploadedAt ? 'uploaded' : file.claimedAt ? 'uploading' : file.expiresAt <= now ? 'expired' : 'waiting';
  return {
    id: file.id,
    stationId: file.stationId,
    commandId: file.commandId,
    requestedBy: file.requestedBy,
    state,
    fileName: file.fileName,
    contentType: file.contentType,
    sizeBytes: file.sizeBytes,
    createdAt: file.createdAt.toISOString(),
    expiresAt: file.expiresAt.toISOString(),
    uploadedAt: file.uploadedAt?.toISOString() ?? null,
    downloadUrl: file.uploadedAt ? `/api/v1/diagnostics/${file.id}/download` : null,
  };
}
export type DiagnosticsView = ReturnType<typeof diagnosticsView>;
