import { Readable } from 'node:stream';
import type { Db } from '../db/client';
import { claimDiagnosticsUpload, completeDiagnosticsUpload, releaseDiagnosticsUpload } from '../db/queries/diagnostics';
import type { DiagnosticsFile } from '../db/schema';
import { AppError, badRequest } from '../errors';
import { tooLarge, type ObjectStorage } from '../storage/object-storage';
import { diagnosticsPath, MAX_DIAGNOSTICS_BYTES, safeFileName } from './diagnostics-storage';
import { hashUploadToken } from './upload-token';

export interface UploadInput {
  token: string;
  /** A name from the URL path after the token (stations often append the file name to `location`). */
  pathName?: string;
  request: Request;
  /** DATA_DIR or the S3 bucket (lib/storage). */
  storage: ObjectStorage;
  maxBytes?: number;
}

/**
 * The upload target of GetDiagnostics (OCPP 1.6 §5.9): HTTP PUT with the file as the body, or a
 * multipart POST with one file part. One upload per token, within its lifetime and the size limit.
 */
export async function receiveDiagnosticsUpload(db: Db, input: UploadInput): Promise<DiagnosticsFile> {
  const maxBytes = input.maxBytes ?? MAX_DIAGNOSTICS_BYTES;
  const length = Number(input.request.headers.get('content-length') ?? NaN);
  if (length > maxBytes) throw tooLarge(maxBytes);
  const contentType = input.request.headers.get('content-type');
  const multipart = contentType?.toLowerCase().startsWith('multipart/form-data') ?? false;
  // formData() buffers the body: only with a known, bounded length.
  if (multipart && !Number.isFinite(length)) throw new AppError(411, 'length_required', 'A multipart upload needs a Content-Length');
  if (!input.request.body) throw badRequest('The upload has no body');

  const slot = await claimDiagnosticsUpload(db, hashUploadToken(input.token));
  if (!slot) throw new AppError(404, 'upload_not_found', 'Unknown, used or expired upload URL');
  let stored: string | undefined;
  try {
    const { body, name, type } = multipart ? await filePart(input.request) : { body: input.request.body, name: input.pathName, type: contentType };
    const fileName = safeFileName(name, `diagnostics-${slot.id}.log`);
    const storagePath = diagnosticsPath(slot.stationId, slot.id, fileName);
    const { sizeBytes } = await input.storage.put(storagePath, body, { maxBytes, contentType: type });
    stored = storagePath;
    return await completeDiagnosticsUpload(db, slot.id, { fileName, contentType: type, sizeBytes, storagePath });
  } catch (error) {
    // The URL stays usable for another try; a file whose row was not completed is not kept.
    if (stored) await input.storage.delete(stored);
    await releaseDiagnosticsUpload(db, slot.id);
    throw error;
  }
}

async function filePart(request: Request) {
  const form = await request.formData();
  const file = [...form.values()].find((value): value is File => typeof value !== 'string');
  if (!file) throw badRequest('The multipart upload has no file part');
  return { body: Readable.fromWeb(file.stream() as import('node:stream/web').ReadableStream<Uint8Array>), name: file.name, type: file.type || null };
}
