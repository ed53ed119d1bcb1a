import { classifyResponse } from '@/lib/commands/command-catalog';
import type { CommandFinish } from '@/lib/db/queries/commands';
import type { RPCServerClient } from '../transport/ocpp-rpc-types';

interface ValidationFailure {
  params: unknown;
  result: unknown;
  error: Error & { rpcErrorCode?: string };
  outbound: boolean;
  isCall: boolean;
}

/**
 * Sends one CALL and turns whatever happens into the command's outcome. ocpp-rpc (strict mode)
 * checks our request and the station's CALLRESULT against the official 1.6 schemas; a response
 * that fails is rejected like a CALLERROR would be, so the 'strictValidationFailure' event for
 * this very payload object tells the two apart (OCPP-J 1.6 §4.2.2 vs §4.2.3).
 */
export async function callStation(client: RPCServerClient, input: { action: string; payload: unknown; timeoutMs: number }): Promise<CommandFinish> {
  let invalid: ValidationFailure | undefined;
  const onInvalid = (failure: ValidationFailure) => {
    if (failure.params === input.payload) invalid = failure;
  };
  client.on('strictValidationFailure', onInvalid);
  try {
    const response = await client.call(input.action, input.payload, { callTimeoutMs: input.timeoutMs });
    return { state: classifyResponse(response), response };
  } catch (error) {
    return failureOf(error, invalid);
  } finally {
    client.off('strictValidationFailure', onInvalid);
  }
}

function failureOf(error: unknown, invalid: ValidationFailure | undefined): CommandFinish {
  const err = error as Error & { rpcErrorCode?: string; rpcErrorMessage?: string };
  if (invalid?.isCall) {
    return { state: 'failed', errorCode: err.rpcErrorCode ?? 'FormationViolation', errorDescription: `Request refused by the OCPP 1.6 schema: ${err.message}` };
  }
  if (invalid) {
    return { state: 'failed', response: invalid.result ?? {}, errorCode: err.rpcErrorCode ?? 'FormationViolation', errorDescription: err.message };
  }
  if (err?.constructor?.name === 'TimeoutError') {
    return { state: 'timed_out', errorCode: 'Timeout', errorDescription: 'No answer from the station in time' };
  }
  if (typeof err?.rpcErrorCode === 'string') {
    return { state: 'failed', errorCode: err.rpcErrorCode, errorDescription: err.message || err.rpcErrorMessage || '' };
  }
  // AbortError "Client disconnected", or "Cannot make call while socket not open".
  return { state: 'failed', errorCode: 'ConnectionClosed', errorDescription: `The connection closed before the station answered (${err?.message ?? 'unknown'})` };
}
