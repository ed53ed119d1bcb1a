import type { Bus } from '@/lib/bus/bus';
import type { CommandQueued } from '@/lib/bus/command-channel';
import type { Db } from '@/lib/db/client';
import type { Command } from '@/lib/db/schema';
import { releaseDeadNodes } from '@/lib/stations/release-dead-nodes';
import type { ScheduledTask } from './scheduler';

export interface DeadNodesDeps {
  db: Db;
  bus: Bus;
  /** Wakes the web app's waiter for an ended command. */
  announce(command: Command): void;
  /** Announces a re-addressed command to the node that holds its station now. */
  requeue(message: CommandQueued): Promise<void>;
  log(line: string): void;
  /** This node: never released by itself. */
  nodeId: string;
}

/**
 * Liveness of the other OCPP nodes: one whose heartbeat row is older than `staleAfterMs` is dead,
 * and what it held is released (lib/stations/release-dead-nodes.ts). Every node runs this; the
 * advisory lock lets one do the work.
 */
export function deadNodesTask(deps: DeadNodesDeps, input: { staleAfterMs: number; everyMs: number }): ScheduledTask {
  return {
    name: 'dead nodes',
    everyMs: input.everyMs,
    async run() {
      for (const node of await releaseDeadNodes(deps.db, { staleAfterMs: input.staleAfterMs, at: new Date(), selfNodeId: deps.nodeId })) {
        deps.log(`OCPP server: node ${node.nodeId} stopped sending heartbeats: ${node.stationIds.length} stations marked offline, ${node.ended.length} commands ended, ${node.readdressed.length} re-routed`);
        for (const stationId of node.stationIds) deps.bus.publish({ kind: 'station.disconnected', stationId });
        for (const command of node.ended) deps.announce(command);
        for (const row of node.readdressed) await deps.requeue({ commandId: row.id, stationId: row.stationId, nodeId: row.nodeId });
      }
    },
  };
}
