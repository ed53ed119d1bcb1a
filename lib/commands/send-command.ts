import type { CommandChannel } from '../bus/command-channel';
import type { Actor } from '../auth/roles';
import type { Db } from '../db/client';
import { finishCommand, getCommandById } from '../db/queries/commands';
import { finalCommandStates, type Command } from '../db/schema';
import { auditCommand } from './audit-command';
import type { CommandWaiter } from './command-waiter';
import { createCommand, DEFAULT_COMMAND_TIMEOUT_MS, type CreateCommandInput } from './create-command';

export { DEFAULT_COMMAND_TIMEOUT_MS, DEFAULT_NODE_DEAD_AFTER_MS } from './create-command';

export interface CommandDeps {
  db: Db;
  channel: CommandChannel;
  waiter: CommandWaiter;
  nodeDeadAfterMs?: number;
}

export type SendCommandInput = CreateCommandInput;

/**
 * Sends a CSMS-initiated OCPP 1.6 call (§5) through whichever OCPP node holds the station's socket
 * and waits for its outcome: the row is queued, a NOTIFY wakes the node, the node NOTIFYs back.
 * Returns the finished row in every case the station is concerned with (completed, rejected,
 * failed, timed_out, offline — offline at once, without waiting for a timeout); throws an AppError
 * only before anything was queued (see createCommand).
 */
export async function sendCommand(deps: CommandDeps, actor: Actor, input: SendCommandInput): Promise<Command> {
  const { db } = deps;
  const queued = await createCommand(deps, actor, input);
  if (queued.state !== 'queued') {
    await auditCommand(db, actor, queued);
    return queued;
  }
  const timeoutMs = input.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  const waiting = deps.waiter.wait(queued.id, {
    timeoutMs,
    recheck: async () => finalCommandStates.includes((await getCommandById(db, queued.id))?.state ?? 'queued'),
  });
  try {
    await waiting.ready;
    await deps.channel.notifyQueued({ commandId: queued.id, stationId: queued.stationId, nodeId: queued.nodeId });
  } catch (error) {
    await finishCommand(db, queued.id, ['queued'], { state: 'failed', errorCode: 'NotifyFailed', errorDescription: 'Could not notify the OCPP server' });
    throw error;
  }
  const ended = await waiting.done;
  const timedOut = ended
    ? undefined
    : await finishCommand(db, queued.id, ['queued', 'sending'], {
        state: 'timed_out',
        errorCode: 'Timeout',
        errorDescription: `No answer from the station within ${timeoutMs / 1000} s`,
      });
  const finished = timedOut ?? (await getCommandById(db, queued.id))!;
  await auditCommand(db, actor, finished);
  return finished;
}
