import type { Db } from '../db/client';
import { isOcppNodeAlive } from '../db/queries/service-heartbeats';
import type { Station } from '../db/schema';

export type StationReachability = 'reachable' | 'not_connected' | 'node_stale';

/**
 * Whether a command can reach the station now: online on a node whose heartbeat is fresh. A node
 * killed with -9 leaves its stations online until a live node notices; its stale heartbeat tells
 * already ('node_stale').
 */
export async function stationReachability(db: Db, station: Pick<Station, 'online' | 'nodeId'>, staleAfterMs: number): Promise<StationReachability> {
  if (!station.online || !station.nodeId) return 'not_connected';
  return (await isOcppNodeAlive(db, { nodeId: station.nodeId, staleAfterMs })) ? 'reachable' : 'node_stale';
}
