import { recordAudit } from '../audit/record-audit';
import { roleAllows, type Actor } from '../auth/roles';
import type { Db } from '../db/client';
import { getFirmwareImage, insertCampaign, selectStationIds, type StationSelector } from '../db/queries/firmware';
import type { FirmwareCampaign } from '../db/schema';
import { badRequest, forbidden, notFound } from '../errors';

export interface CreateCampaignInput {
  name: string;
  firmwareId: number;
  selector: StationSelector;
  batchSize: number;
  concurrency: number;
  failureThreshold: number | null;
  stationTimeoutS: number;
  /** Unset: now. */
  startAt?: Date;
  /** Where stations reach this web app (the download URL's origin). */
  baseUrl: string;
}

/**
 * A rollout of one firmware image (operator): the targets are fixed now, from the selector (every
 * criterion given must match; accepted stations only); the OCPP server's scheduler sends
 * UpdateFirmware from `startAt` on, in batches (lib/firmware/advance-campaigns.ts).
 */
export async function createCampaign(db: Db, actor: Actor, input: CreateCampaignInput, now = new Date()): Promise<FirmwareCampaign> {
  if (!roleAllows(actor.role, 'operator')) throw forbidden('Starting a firmware rollout needs the operator role');
  const firmware = await getFirmwareImage(db, input.firmwareId);
  if (!firmware) throw notFound(`Firmware ${input.firmwareId} not found`);
  const { vendor, model, siteId, currentFirmware, stationIds } = input.selector;
  if (!vendor && !model && !siteId && !currentFirmware && !stationIds?.length) {
    throw badRequest('Choose the target stations: a vendor, a model, a site, a current firmware version or a list of stations', 'selector');
  }
  const targets = await selectStationIds(db, input.selector);
  if (targets.length === 0) throw badRequest('No accepted station matches this selection', 'selector');
  const campaign = await insertCampaign(
    db,
    {
      name: input.name,
      firmwareId: firmware.id,
      selector: input.selector,
      batchSize: input.batchSize,
      concurrency: input.concurrency,
      failureThreshold: input.failureThreshold,
      stationTimeoutS: input.stationTimeoutS,
      startAt: input.startAt ?? now,
      baseUrl: input.baseUrl.replace(/\/+$/, ''),
      createdBy: actor.label,
    },
    targets,
  );
  await recordAudit(db, actor, {
    action: 'firmware.campaign.create',
    targetType: 'firmware_campaign',
    targetId: String(campaign.id),
    after: { name: campaign.name, firmware: `${firmware.vendor} ${firmware.model} ${firmware.version}`, stations: targets.length, selector: input.selector },
  });
  return campaign;
}
