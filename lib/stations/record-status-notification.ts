import type { Db } from '../db/client';
import type { ConnectorStatusInput } from '../db/queries/connectors';
import { updateStation } from '../db/queries/stations';
import type { StatusNotificationRequest } from '../ocpp/v16/types';

/**
 * StatusNotification (OCPP 1.6 §4.9): connector 0 is the station itself. The station's timestamp
 * is used when given (it may be late: queued while offline); the receive time otherwise.
 * Returns whether the status changed (a history row was added).
 */
export async function recordStatusNotification(
  recordStatus: (status: ConnectorStatusInput) => Promise<boolean>,
  input: { stationId: string; request: StatusNotificationRequest; now: Date },
): Promise<boolean> {
  const r = input.request;
  return recordStatus({
    stationId: input.stationId,
    connectorId: r.connectorId,
    status: r.status,
    errorCode: r.errorCode,
    info: r.info ?? null,
    vendorId: r.vendorId ?? null,
    vendorErrorCode: r.vendorErrorCode ?? null,
    at: r.timestamp ? new Date(r.timestamp) : input.now,
    receivedAt: input.now,
  });
}

/**
 * BootNotification carries no clock in 1.6; the first timestamped message after it (normally the
 * StatusNotifications a station sends right after boot, §4.2) tells how far the station's clock is off.
 */
export async function recordClockSkew(db: Db, input: { stationId: string; stationTime: Date; now: Date }): Promise<void> {
  await updateStation(db, input.stationId, { clockSkewMs: input.now.getTime() - input.stationTime.getTime() }, input.now);
}
