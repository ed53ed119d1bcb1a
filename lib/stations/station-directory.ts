import type { Db } from '../db/client';
import { getStationCredentials, insertMissingStations, type StationCredentials } from '../db/queries/stations';
import { createBatcher } from '../ocpp/batcher';
import type { UnknownStationPolicy } from './unknown-station-policy';

/**
 * The station row behind each WebSocket upgrade, looked up in batches (a reconnect storm is one
 * query per batch, not per station). A station we do not know is registered as accepted or
 * pending, or refused (null), by the unknown-station policy.
 */
export function createStationDirectory(db: Db, unknownStations: { get(): Promise<UnknownStationPolicy> }) {
  const loader = createBatcher<string, StationCredentials | null>(
    async (ids) => {
      const unique = [...new Set(ids)];
      const found = new Map((await getStationCredentials(db, unique)).map((station) => [station.id, station]));
      const missing = unique.filter((id) => !found.has(id));
      if (missing.length > 0) {
        const policy = await unknownStations.get();
        if (policy !== 'reject') {
          const registrationStatus = policy === 'accept' ? 'accepted' : 'pending';
          for (const station of await insertMissingStations(db, missing.map((id) => ({ id, registrationStatus })))) found.set(station.id, station);
        }
      }
      return ids.map((id) => found.get(id) ?? null);
    },
    { maxBatch: 1000, maxInFlight: 2 },
  );
  return {
    /** The station's credentials, registering it if the policy allows; null when it is refused. */
    findOrRegister: async (identity: string): Promise<StationCredentials | null> => (await loader.add([identity]))[0] ?? null,
  };
}
export type StationDirectory = ReturnType<typeof createStationDirectory>;
