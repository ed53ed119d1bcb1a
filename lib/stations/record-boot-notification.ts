import type { StationBoot } from '../db/queries/stations';
import type { RegistrationStatus } from '../db/schema';
import type { BootNotificationRequest, BootNotificationResponse, RegistrationStatusV16 } from '../ocpp/v16/types';

const toV16: Record<RegistrationStatus, RegistrationStatusV16> = { accepted: 'Accepted', pending: 'Pending', rejected: 'Rejected' };

/**
 * Stores the registry a station reports at boot and answers with the registration status the
 * operator gave it (OCPP 1.6 §4.2). Accepted: `interval` is the heartbeat interval. Pending or
 * Rejected: it is when to send BootNotification again (§7.4), so an operator's accept takes effect soon.
 */
export async function recordBootNotification(
  recordBoot: (boot: StationBoot) => Promise<RegistrationStatus | undefined>,
  input: { stationId: string; request: BootNotificationRequest; now: Date; heartbeatIntervalS: number; retryIntervalS: number },
): Promise<{ response: BootNotificationResponse; registrationStatus: RegistrationStatus }> {
  const r = input.request;
  const stored = await recordBoot({
    stationId: input.stationId,
    at: input.now,
    heartbeatIntervalS: input.heartbeatIntervalS,
    registry: {
      vendor: r.chargePointVendor,
      model: r.chargePointModel,
      serialNumber: r.chargePointSerialNumber ?? null,
      chargeBoxSerialNumber: r.chargeBoxSerialNumber ?? null,
      firmwareVersion: r.firmwareVersion ?? null,
      iccid: r.iccid ?? null,
      imsi: r.imsi ?? null,
      meterType: r.meterType ?? null,
      meterSerialNumber: r.meterSerialNumber ?? null,
    },
  });
  // A station deleted by the operator while connected is no longer registered.
  const registrationStatus = stored ?? 'rejected';
  const interval = registrationStatus === 'accepted' ? input.heartbeatIntervalS : input.retryIntervalS;
  return { registrationStatus, response: { status: toV16[registrationStatus], currentTime: input.now.toISOString(), interval } };
}
