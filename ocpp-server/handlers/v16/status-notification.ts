import { recordClockSkew, recordStatusNotification } from '@/lib/stations/record-status-notification';
import type { StatusNotificationRequest, StatusNotificationResponse } from '@/lib/ocpp/v16/types';
import type { Handler } from '../context';

/** OCPP 1.6 §4.9: latest status per connector (0 = the station) and a history row per change. */
export const statusNotification: Handler<StatusNotificationRequest, StatusNotificationResponse> = async (ctx, request) => {
  const now = ctx.now();
  const changed = await recordStatusNotification(ctx.stationWrites.recordStatus, { stationId: ctx.stationId, request, now });
  if (ctx.session.measureClockSkew && request.timestamp) {
    ctx.session.measureClockSkew = false;
    await recordClockSkew(ctx.db, { stationId: ctx.stationId, stationTime: new Date(request.timestamp), now });
  }
  if (changed) ctx.bus.publish({ kind: 'connector.status', stationId: ctx.stationId, connectorId: request.connectorId });
  return {};
};
