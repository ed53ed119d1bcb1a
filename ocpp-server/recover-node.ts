import type { Bus } from '@/lib/bus/bus';
import type { Db } from '@/lib/db/client';
import { closeNodeConnections } from '@/lib/db/queries/station-connections';
import { setNodeStationsOffline } from '@/lib/db/queries/stations';

/**
 * Marks offline every station this node still holds in the database and closes its open history
 * rows: at start (a previous run was killed with -9 and could not) and as the last step of shutdown.
 */
export async function releaseNodeStations(db: Db, bus: Bus, input: { nodeId: string; at: Date; reason: string; closeCode?: number }): Promise<number> {
  const stationIds = await setNodeStationsOffline(db, input.nodeId);
  await closeNodeConnections(db, input);
  for (const stationId of stationIds) bus.publish({ kind: 'station.disconnected', stationId });
  return stationIds.length;
}
