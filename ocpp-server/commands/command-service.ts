import type { Bus } from '@/lib/bus/bus';
import { createCommandChannel, type CommandQueued } from '@/lib/bus/command-channel';
import type { Db, DbClient } from '@/lib/db/client';
import { expireOverdueCommands, failNodeCommands, listClaimableCommands } from '@/lib/db/queries/commands';
import type { ScheduledTask } from '../scheduler/scheduler';
import type { ConnectionRegistry } from '../transport/connection-registry';
import { createCommandDispatcher, type CommandDispatcher } from './command-dispatcher';

/** Past its deadline by this much, a command nobody finished is timed out by the sweep. */
const OVERDUE_GRACE_MS = 5000;

/**
 * The command path of one OCPP node (lib/commands is the web side). At start it fails what an
 * earlier run of this node left in 'sending' (killed with -9: the CALL may or may not have reached
 * the station, so it is never sent again), then listens for queued commands.
 */
export async function startCommandService(deps: { db: DbClient; bus: Bus; registry: ConnectionRegistry; nodeId: string; onError(error: unknown, where: string): void }) {
  const channel = createCommandChannel(deps.db.$client, { onError: (error) => deps.onError(error, 'command channel') });
  const dispatcher = createCommandDispatcher({ ...deps, channel });
  await releaseNodeCommands(deps.db, dispatcher, { nodeId: deps.nodeId, reason: 'OCPP node restarted' });
  await dispatcher.start();
  return {
    task: commandSweepTask(deps.db, dispatcher, deps),
    announce: dispatcher.announce,
    requeue: (message: CommandQueued) => channel.notifyQueued(message),
    /** After the sockets are closed (that ends the calls in flight): nothing of this node stays open. */
    async stop(): Promise<void> {
      await dispatcher.stop();
      await releaseNodeCommands(deps.db, dispatcher, { nodeId: deps.nodeId, reason: 'OCPP server shut down' });
      await channel.close();
    },
  };
}

async function releaseNodeCommands(db: Db, dispatcher: CommandDispatcher, input: { nodeId: string; reason: string }): Promise<void> {
  for (const command of await failNodeCommands(db, input)) dispatcher.announce(command);
}

/**
 * NOTIFY is at-most-once (a LISTEN connection that drops loses what was sent meanwhile): queued
 * commands for this node's stations are picked up here too, and commands whose caller is gone
 * are timed out so none stays queued or sending.
 */
function commandSweepTask(db: Db, dispatcher: CommandDispatcher, input: { registry: ConnectionRegistry; nodeId: string }): ScheduledTask {
  return {
    name: 'command sweep',
    everyMs: 2000,
    async run() {
      const stationIds = [...input.registry.all()].map((connection) => connection.session.stationId);
      for (const row of await listClaimableCommands(db, { nodeId: input.nodeId, stationIds })) {
        dispatcher.dispatch({ commandId: row.id, stationId: row.stationId, nodeId: row.nodeId });
      }
      for (const command of await expireOverdueCommands(db, { graceMs: OVERDUE_GRACE_MS })) dispatcher.announce(command);
    },
  };
}
