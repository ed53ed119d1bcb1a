import { getTransactionById } from '../db/queries/transactions';
import { listDriverTagValues } from '../db/queries/driver-transactions';
import type { Driver } from '../db/schema';
import { sendCommand, type CommandDeps } from '../commands/send-command';
import { conflict, notFound } from '../errors';
import { driverActor } from './driver-actor';
import { commandOutcomeMessage, DRIVER_COMMAND_TIMEOUT_MS } from './start-charging';

/**
 * The driver's Stop button: RemoteStopTransaction (OCPP 1.6 §5.12) for their own open session only.
 * Someone else's session answers "not found", as if it did not exist.
 */
export async function stopCharging(deps: CommandDeps, driver: Driver, transactionId: number): Promise<void> {
  const transaction = await getTransactionById(deps.db, transactionId);
  const tags = await listDriverTagValues(deps.db, driver.id);
  if (!transaction || !tags.includes(transaction.idTag)) throw notFound('Session not found');
  if (transaction.stoppedAt) return;
  const command = await sendCommand(deps, driverActor(driver), {
    stationId: transaction.stationId,
    action: 'RemoteStopTransaction',
    payload: { transactionId },
    timeoutMs: DRIVER_COMMAND_TIMEOUT_MS,
  });
  const problem = commandOutcomeMessage(command, 'The station refused to stop. Unplug at the station or contact the operator.');
  if (problem) throw conflict('stop_failed', problem);
}
