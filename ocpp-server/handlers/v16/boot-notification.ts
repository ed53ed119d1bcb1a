import { recordBootNotification } from '@/lib/stations/record-boot-notification';
import type { BootNotificationRequest, BootNotificationResponse } from '@/lib/ocpp/v16/types';
import type { Handler } from '../context';

/** OCPP 1.6 §4.2: registry stored, registration status (Accepted / Pending / Rejected) from the operator. */
export const bootNotification: Handler<BootNotificationRequest, BootNotificationResponse> = async (ctx, request) => {
  const { response, registrationStatus } = await recordBootNotification(ctx.stationWrites.recordBoot, {
    stationId: ctx.stationId,
    request,
    now: ctx.now(),
    heartbeatIntervalS: ctx.config.heartbeatIntervalS,
    retryIntervalS: ctx.config.bootRetryIntervalS,
  });
  ctx.session.registrationStatus = registrationStatus;
  ctx.session.measureClockSkew = true;
  ctx.bus.publish({ kind: 'station.updated', stationId: ctx.stationId });
  return response;
};
