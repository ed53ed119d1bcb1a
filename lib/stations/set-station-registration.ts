import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/roles';
import type { Db } from '../db/client';
import { getStationById, updateStation } from '../db/queries/stations';
import type { RegistrationStatus } from '../db/schema';
import { notFound } from '../errors';

/**
 * The operator accepts (or rejects) a station. The station learns it at its next BootNotification
 * (OCPP 1.6 §4.2: a Pending station retries after the interval we gave it).
 */
export async function setStationRegistration(db: Db, actor: Actor, input: { stationId: string; status: RegistrationStatus }): Promise<void> {
  const before = await getStationById(db, input.stationId);
  if (!before) throw notFound('Station not found');
  await updateStation(db, input.stationId, { registrationStatus: input.status });
  await recordAudit(db, actor, {
    action: 'station.registration.set',
    targetType: 'station',
    targetId: input.stationId,
    before: { registrationStatus: before.registrationStatus },
    after: { registrationStatus: input.status },
  });
}
