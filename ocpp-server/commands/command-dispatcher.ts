import type { Bus } from '@/lib/bus/bus';
import type { CommandChannel, CommandQueued } from '@/lib/bus/command-channel';
import type { Db } from '@/lib/db/client';
import { claimCommand, finishCommand, markCommandOffline } from '@/lib/db/queries/commands';
import type { Command } from '@/lib/db/schema';
import type { ConnectionRegistry } from '../transport/connection-registry';
import { callStation } from './call-station';

export interface DispatcherDeps {
  db: Db;
  bus: Bus;
  channel: CommandChannel;
  registry: ConnectionRegistry;
  nodeId: string;
  onError(error: unknown, where: string): void;
}

/**
 * Sends the commands whose station this node holds. Every node hears every NOTIFY; the one with
 * the socket claims the row (atomically, so at most once) and calls the station; the node the
 * command was addressed to answers `offline` at once when the socket is gone.
 */
export function createCommandDispatcher(deps: DispatcherDeps) {
  const { db, nodeId } = deps;
  const handling = new Map<number, Promise<void>>();
  let stopped = false;
  let unlisten: (() => void) | undefined;

  async function handle(message: CommandQueued): Promise<void> {
    const connection = deps.registry.get(message.stationId);
    if (!connection) {
      if (message.nodeId === nodeId) announce(await markCommandOffline(db, { id: message.commandId, nodeId }));
      return;
    }
    const command = await claimCommand(db, { id: message.commandId, nodeId });
    if (!command) return; // another node (or an earlier notification) has it, or it expired
    const outcome = await callStation(connection.client, { action: command.action, payload: command.payload, timeoutMs: Math.max(1, command.remainingMs) });
    announce(await finishCommand(db, command.id, ['sending'], outcome));
  }

  /** Wakes the caller waiting in the web app, and the screens showing the station. */
  function announce(command: Command | undefined): void {
    if (!command) return;
    deps.channel.notifyDone({ commandId: command.id }).catch((error) => deps.onError(error, `command ${command.id} done`));
    deps.bus.publish({ kind: 'command.updated', stationId: command.stationId, commandId: command.id });
  }

  function dispatch(message: CommandQueued): void {
    if (stopped || handling.has(message.commandId)) return;
    const run = handle(message)
      .catch((error) => deps.onError(error, `command ${message.commandId}`))
      .finally(() => handling.delete(message.commandId));
    handling.set(message.commandId, run);
  }

  return {
    dispatch,
    announce,
    async start(): Promise<void> {
      unlisten = await deps.channel.onQueued(dispatch);
    },
    /** Takes no more commands and waits for those in progress (closing the sockets ends their calls). */
    async stop(): Promise<void> {
      stopped = true;
      unlisten?.();
      await Promise.allSettled([...handling.values()]);
    },
  };
}
export type CommandDispatcher = ReturnType<typeof createCommandDispatcher>;
