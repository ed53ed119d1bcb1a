import type { Command } from '../db/schema';
import { redactPayload } from './redact-payload';

/**
 * Error codes of failures on our side of the socket (no CALLERROR came from the station):
 * the node stopped, the socket closed mid-call, the NOTIFY could not be sent.
 */
export const localFailureCodes = new Set(['NodeStopped', 'ConnectionClosed', 'NotifyFailed']);

/** A command as the API and the UI show it. */
export function commandView(command: Command) {
  return {
    id: command.id,
    stationId: command.stationId,
    action: command.action,
    payload: redactPayload(command.payload),
    state: command.state,
    response: command.response,
    error: command.errorCode ? { code: command.errorCode, description: command.errorDescription } : null,
    actor: { type: command.actorType, label: command.actorLabel },
    nodeId: command.nodeId,
    createdAt: command.createdAt.toISOString(),
    sentAt: command.sentAt?.toISOString() ?? null,
    finishedAt: command.finishedAt?.toISOString() ?? null,
  };
}
export type CommandView = ReturnType<typeof commandView>;

/**
 * The HTTP answer to POST /stations/{id}/commands/{Action}: 200 with the station's response
 * (completed or rejected: the station answered), 409 offline, 504 no answer in time, 502 a
 * CALLERROR (with the station's code and description), an invalid answer or a broken connection.
 */
export function commandHttpResult(command: Command): { status: number; body: unknown } {
  const commandId = command.id;
  const description = command.errorDescription ?? '';
  switch (command.state) {
    case 'completed':
    case 'rejected':
      return { status: 200, body: { status: command.state, commandId, response: command.response } };
    case 'offline':
      return error(409, { code: 'station_offline', message: `Station ${command.stationId} is offline`, commandId });
    case 'timed_out':
      return error(504, { code: 'timeout', message: description || 'No answer from the station in time', commandId });
    default:
      if (command.errorCode && localFailureCodes.has(command.errorCode)) {
        return error(502, { code: 'call_failed', message: description, commandId });
      }
      if (command.response !== null) {
        return error(502, { code: 'invalid_response', message: `The station's answer does not match the OCPP 1.6 schema: ${description}`, commandId, response: command.response });
      }
      return error(502, {
        code: 'call_error',
        message: `The station answered CALLERROR ${command.errorCode}${description ? `: ${description}` : ''}`,
        commandId,
        ocppErrorCode: command.errorCode,
        ocppErrorDescription: description,
      });
  }
}

function error(status: number, body: Record<string, unknown>) {
  return { status, body: { error: body } };
}
