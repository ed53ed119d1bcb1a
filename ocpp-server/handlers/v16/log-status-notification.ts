import { updateStation } from '@/lib/db/queries/stations';
import type { LogStatusNotificationRequest, LogStatusNotificationResponse } from '@/lib/ocpp/v16/types';
import type { Handler } from '../context';

/** Security Whitepaper §5.9: progress of a GetLog upload, kept on the station like diagnostics. */
export const logStatusNotification: Handler<LogStatusNotificationRequest, LogStatusNotificationResponse> = async (ctx, request) => {
  const now = ctx.now();
  await updateStation(ctx.db, ctx.stationId, { logStatus: request.status, logStatusAt: now }, now);
  ctx.bus.publish({ kind: 'station.updated', stationId: ctx.stationId });
  return {};
};
