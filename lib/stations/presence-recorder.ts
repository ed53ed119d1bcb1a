import type { Db } from '../db/client';
import { closeStationConnections, insertStationConnections } from '../db/queries/station-connections';
import { setStationsOffline, setStationsOnline } from '../db/queries/stations';
import { createBatcher } from '../ocpp/batcher';

type Connected = { type: 'connected'; stationId: string; protocol: string; remoteAddress: string | null; at: Date };
type Disconnected = { type: 'disconnected'; stationId: string; connectionId: number; at: Date; closeCode: number | null; closeReason: string | null; replaced: boolean };
export type PresenceEvent = Connected | Disconnected;

/**
 * `online`, `node_id` and the connect/disconnect history, written in arrival order (one batch in
 * flight at a time, so a quick disconnect+reconnect can never end up "offline"). A socket replaced
 * by a newer one of the same station closes its history row but leaves the station online.
 */
export function createPresenceRecorder(db: Db, nodeId: string) {
  const batcher = createBatcher<PresenceEvent, number>(
    (events) =>
      db.transaction(async (tx) => {
        const connects = events.filter((e): e is Connected => e.type === 'connected');
        const ids = await insertStationConnections(
          tx,
          connects.map((e) => ({ stationId: e.stationId, nodeId, protocol: e.protocol, remoteAddress: e.remoteAddress, connectedAt: e.at })),
        );
        const disconnects = events.filter((e): e is Disconnected => e.type === 'disconnected');
        await closeStationConnections(
          tx,
          disconnects.map((e) => ({ id: e.connectionId, disconnectedAt: e.at, closeCode: e.closeCode, closeReason: e.closeReason })),
        );
        const last = [...new Map(events.map((e) => [e.stationId, e])).values()];
        const online = last.filter((e): e is Connected => e.type === 'connected');
        await setStationsOnline(tx, nodeId, online.map((e) => ({ stationId: e.stationId, protocol: e.protocol, at: e.at })));
        const offline = last.filter((e) => e.type === 'disconnected' && !e.replaced);
        await setStationsOffline(tx, { stationIds: offline.map((e) => e.stationId), nodeId });
        const idOf = new Map(connects.map((e, i) => [e, ids[i]!]));
        return events.map((e) => idOf.get(e as Connected) ?? 0);
      }),
    { maxBatch: 2000, maxInFlight: 1 },
  );
  return {
    /** Resolves with the history row id once written. */
    connected: async (input: Omit<Connected, 'type'>): Promise<number> => (await batcher.add([{ type: 'connected', ...input }]))[0]!,
    disconnected: async (input: Omit<Disconnected, 'type'>): Promise<void> => void (await batcher.add([{ type: 'disconnected', ...input }])),
    drain: () => batcher.drain(),
  };
}
export type PresenceRecorder = ReturnType<typeof createPresenceRecorder>;
