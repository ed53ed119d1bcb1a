import { updateStation } from '@/lib/db/queries/stations';
import type { DiagnosticsStatusNotificationRequest, DiagnosticsStatusNotificationResponse } from '@/lib/ocpp/v16/types';
import type { Handler } from '../context';

/** OCPP 1.6 §4.4: progress of a GetDiagnostics upload, kept on the station. */
export const diagnosticsStatusNotification: Handler<DiagnosticsStatusNotificationRequest, DiagnosticsStatusNotificationResponse> = async (
  ctx,
  request,
) => {
  const now = ctx.now();
  await updateStation(ctx.db, ctx.stationId, { diagnosticsStatus: request.status, diagnosticsStatusAt: now }, now);
  ctx.bus.publish({ kind: 'station.updated', stationId: ctx.stationId });
  return {};
};
