import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { failNodeCommands, readdressNodeCommands } from '../db/queries/commands';
import { listDeadOcppNodes } from '../db/queries/service-heartbeats';
import { closeNodeConnections } from '../db/queries/station-connections';
import { setNodeStationsOffline } from '../db/queries/stations';
import type { Command } from '../db/schema';

const DEAD_NODES_LOCK_KEY = 7_215_300_419;

export interface ReleasedNode {
  nodeId: string;
  /** Stations it held, now offline (their open connection rows closed with the reason). */
  stationIds: string[];
  /** Queued commands re-addressed to the node that holds their station now: announce them again. */
  readdressed: Pick<Command, 'id' | 'stationId' | 'nodeId'>[];
  /** Commands it left open, now ended (queued → offline, sending → failed NodeStopped). */
  ended: Command[];
}

/**
 * What a live OCPP node does for one that died without a shutdown (kill -9, power loss): its
 * heartbeat row stopped moving, so the stations it held are offline, their connection history
 * rows are closed, and its open commands are re-routed or ended. Under a transaction-level
 * advisory lock, so of several live nodes one does it at a time. A node never judges itself: if it
 * runs this, it is alive, however late its own heartbeat (a saturated node once released all its
 * own stations while their sockets stayed open).
 */
export async function releaseDeadNodes(db: Db, input: { staleAfterMs: number; at: Date; selfNodeId?: string }): Promise<ReleasedNode[]> {
  return db.transaction(async (tx) => {
    const [lock] = (await tx.execute(sql`select pg_try_advisory_xact_lock(${DEAD_NODES_LOCK_KEY}) as locked`)) as unknown as { locked: boolean }[];
    if (!lock?.locked) return [];
    const released: ReleasedNode[] = [];
    for (const nodeId of await listDeadOcppNodes(tx, { staleAfterMs: input.staleAfterMs, exceptNodeId: input.selfNodeId })) {
      const reason = `OCPP node ${nodeId} stopped sending heartbeats`;
      const stationIds = await setNodeStationsOffline(tx, nodeId);
      await closeNodeConnections(tx, { nodeId, at: input.at, reason });
      const readdressed = await readdressNodeCommands(tx, { nodeId });
      const ended = await failNodeCommands(tx, { nodeId, reason });
      released.push({ nodeId, stationIds, readdressed, ended });
    }
    return released;
  });
}
