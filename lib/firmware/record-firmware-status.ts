import type { Db } from '../db/client';
import { advanceStationTarget } from '../db/queries/firmware';
import { targetStepOf } from './firmware-status';

/** A FirmwareStatusNotification moves the station's campaign target on; returns its campaign, if any moved. */
export async function recordCampaignFirmwareStatus(db: Db, input: { stationId: string; status: string; at: Date }): Promise<number | undefined> {
  const step = targetStepOf(input.status);
  if (!step) return undefined;
  return advanceStationTarget(db, { stationId: input.stationId, state: step.state, allowedFrom: step.from, detail: input.status, at: input.at, final: step.final });
}
