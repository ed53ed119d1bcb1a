import type { Db } from '../db/client';
import { recordConnectorStatuses, type ConnectorStatusInput } from '../db/queries/connectors';
import { recordStationBoots, type StationBoot } from '../db/queries/stations';
import type { RegistrationStatus } from '../db/schema';
import { createBatcher } from '../ocpp/batcher';

/**
 * BootNotification and StatusNotification writes, group-committed: in a boot storm thousands of
 * stations share a few statements (and fsyncs) instead of one each. Every caller still waits for
 * its own commit before it answers.
 */
export function createStationWrites(db: Db) {
  const boots = createBatcher<StationBoot, RegistrationStatus | undefined>((items) => recordStationBoots(db, items), { maxBatch: 1000, maxInFlight: 2 });
  const statuses = createBatcher<ConnectorStatusInput, boolean>((items) => recordConnectorStatuses(db, items), { maxBatch: 1000, maxInFlight: 2 });
  return {
    recordBoot: async (boot: StationBoot) => (await boots.add([boot]))[0],
    recordStatus: async (status: ConnectorStatusInput) => (await statuses.add([status]))[0] === true,
    drain: () => Promise.all([boots.drain(), statuses.drain()]),
  };
}
export type StationWrites = ReturnType<typeof createStationWrites>;
