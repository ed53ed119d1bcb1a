import type { Db } from '../db/client';
import { touchStationsLastSeen } from '../db/queries/stations';

/** last_seen_at is kept to this precision: plenty against heartbeat intervals of minutes. */
export const LAST_SEEN_RESOLUTION_MS = 30_000;

/**
 * `last_seen_at` changes with every frame; writing it per frame (or even every few seconds for
 * every busy station) would be a large share of the database's work under load. Frames mark the
 * station here; a scheduler writes, in one statement, the stations whose stored value is older
 * than the resolution, spread over time. Offline detection does not read it (it uses the in-memory
 * connection).
 */
export function createLastSeenTracker(db: Db, resolutionMs = LAST_SEEN_RESOLUTION_MS, random = Math.random) {
  let seen = new Map<string, number>();
  const written = new Map<string, number>();
  return {
    /** `atMs`: Date.now() when the frame arrived (no Date object per frame). */
    seen(stationId: string, atMs: number) {
      if (atMs - (written.get(stationId) ?? 0) >= resolutionMs) seen.set(stationId, atMs);
    },
    /** Writes the marks that are due. */
    async flush() {
      if (seen.size === 0) return;
      const batch = [...seen].map(([stationId, at]) => ({ stationId, at: new Date(at) }));
      seen = new Map();
      // Each station's next write comes half to one resolution later, at random: after a boot storm
      // the whole fleet would otherwise fall due in the same flush, every resolution, for good.
      for (const { stationId, at } of batch) written.set(stationId, at.getTime() - random() * (resolutionMs / 2));
      for (let i = 0; i < batch.length; i += 5000) await touchStationsLastSeen(db, batch.slice(i, i + 5000));
    },
    /** The station disconnected: its next frame is written whatever the time. */
    forget(stationId: string) {
      written.delete(stationId);
    },
  };
}
export type LastSeenTracker = ReturnType<typeof createLastSeenTracker>;
