import { updateStation } from '@/lib/db/queries/stations';
import { recordCampaignFirmwareStatus } from '@/lib/firmware/record-firmware-status';
import type { FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse } from '@/lib/ocpp/v16/types';
import type { Handler } from '../context';

/** OCPP 1.6 §4.5: progress of an UpdateFirmware, kept on the station and on its firmware campaign target. */
export const firmwareStatusNotification: Handler<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse> = async (
  ctx,
  request,
) => {
  const now = ctx.now();
  await updateStation(ctx.db, ctx.stationId, { firmwareStatus: request.status, firmwareStatusAt: now }, now);
  const campaignId = await recordCampaignFirmwareStatus(ctx.db, { stationId: ctx.stationId, status: request.status, at: now });
  ctx.bus.publish({ kind: 'station.updated', stationId: ctx.stationId });
  if (campaignId !== undefined) ctx.bus.publish({ kind: 'firmware.updated', campaignId });
  return {};
};
