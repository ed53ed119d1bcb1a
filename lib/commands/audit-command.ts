import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/roles';
import type { Db } from '../db/client';
import type { Command } from '../db/schema';
import { redactPayload } from './redact-payload';

/** One audit row per command, with its outcome: `station.command.<Action>` on the station. */
export async function auditCommand(db: Db, actor: Actor, command: Command): Promise<void> {
  const ok = command.state === 'completed' || command.state === 'rejected';
  await recordAudit(db, actor, {
    action: `station.command.${command.action}`,
    targetType: 'station',
    targetId: command.stationId,
    after: {
      commandId: command.id,
      payload: redactPayload(command.payload),
      state: command.state,
      response: command.response,
      errorCode: command.errorCode,
    },
    result: ok ? 'success' : 'failure',
    detail: ok ? `${command.action}: ${describeResponse(command.response)}` : `${command.action}: ${command.state}${command.errorDescription ? ` (${command.errorDescription})` : ''}`,
  });
}

function describeResponse(response: unknown): string {
  const status = (response as { status?: unknown } | null)?.status;
  return typeof status === 'string' ? status : 'answered';
}
