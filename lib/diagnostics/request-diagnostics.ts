import type { Actor } from '../auth/roles';
import { expireDiagnosticsToken, insertDiagnosticsFile, setDiagnosticsCommand } from '../db/queries/diagnostics';
import { getStationById } from '../db/queries/stations';
import type { Command, DiagnosticsFile } from '../db/schema';
import { notFound } from '../errors';
import { sendCommand, type CommandDeps } from '../commands/send-command';
import { newUploadToken } from './upload-token';

/** How long a station has to start its upload (it may collect logs first and retry, §5.9 retries). */
export const UPLOAD_TOKEN_TTL_MS = 60 * 60 * 1000;

export interface RequestDiagnosticsInput {
  stationId: string;
  /** Where stations reach this web app, e.g. https://csms.example.com (no trailing slash). */
  baseUrl: string;
  startTime?: string;
  stopTime?: string;
  timeoutMs?: number;
}

/**
 * GetDiagnostics (OCPP 1.6 §5.9) with the CSMS as the upload target: a one-time URL on this server
 * (`/api/v1/diagnostics/upload/{token}`) is the `location`. A station that does not accept gets its
 * token ended at once.
 */
export async function requestDiagnostics(deps: CommandDeps, actor: Actor, input: RequestDiagnosticsInput): Promise<{ command: Command; file: DiagnosticsFile }> {
  if (!(await getStationById(deps.db, input.stationId))) throw notFound(`Station ${input.stationId} not found`);
  const { token, tokenHash } = newUploadToken();
  const file = await insertDiagnosticsFile(deps.db, { stationId: input.stationId, tokenHash, requestedBy: actor.label, ttlMs: UPLOAD_TOKEN_TTL_MS });
  const payload = {
    location: `${input.baseUrl}/api/v1/diagnostics/upload/${token}`,
    ...(input.startTime ? { startTime: input.startTime } : {}),
    ...(input.stopTime ? { stopTime: input.stopTime } : {}),
  };
  const command = await sendCommand(deps, actor, { stationId: input.stationId, action: 'GetDiagnostics', payload, timeoutMs: input.timeoutMs });
  await setDiagnosticsCommand(deps.db, file.id, command.id);
  if (command.state !== 'completed') await expireDiagnosticsToken(deps.db, file.id);
  return { command, file };
}
