import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../client';
import {
  firmwareCampaigns,
  firmwareCampaignTargets,
  firmwareImages,
  inFlightTargetStates,
  stations,
  stationSites,
  type CampaignState,
  type CampaignTargetState,
  type FirmwareCampaign,
  type FirmwareCampaignTarget,
  type FirmwareImage,
} from '../schema';

export async function insertFirmwareImage(db: Db, row: Omit<FirmwareImage, 'id' | 'createdAt'>): Promise<FirmwareImage> {
  const [image] = await db.insert(firmwareImages).values(row).returning();
  return image!;
}

export async function findFirmwareImage(db: Db, input: { vendor: string; model: string; version: string }): Promise<FirmwareImage | undefined> {
  const [row] = await db
    .select()
    .from(firmwareImages)
    .where(and(eq(firmwareImages.vendor, input.vendor), eq(firmwareImages.model, input.model), eq(firmwareImages.version, input.version)));
  return row;
}

export function listFirmwareImages(db: Db): Promise<FirmwareImage[]> {
  return db.select().from(firmwareImages).orderBy(desc(firmwareImages.id));
}

export async function getFirmwareImage(db: Db, id: number): Promise<FirmwareImage | undefined> {
  const [row] = await db.select().from(firmwareImages).where(eq(firmwareImages.id, id));
  return row;
}

export interface StationSelector {
  vendor?: string;
  model?: string;
  siteId?: string;
  /** The firmware version the station reported in BootNotification. */
  currentFirmware?: string;
  stationIds?: string[];
}

/** Registered, accepted stations matching every given criterion (vendor, model, site, current firmware, list). */
export async function selectStationIds(db: Db, selector: StationSelector): Promise<string[]> {
  const rows = await db
    .select({ id: stations.id })
    .from(stations)
    .leftJoin(stationSites, eq(stationSites.stationId, stations.id))
    .where(
      and(
        eq(stations.registrationStatus, 'accepted'),
        selector.vendor ? eq(stations.vendor, selector.vendor) : undefined,
        selector.model ? eq(stations.model, selector.model) : undefined,
        selector.siteId ? eq(stationSites.siteId, selector.siteId) : undefined,
        selector.currentFirmware ? eq(stations.firmwareVersion, selector.currentFirmware) : undefined,
        selector.stationIds?.length ? inArray(stations.id, selector.stationIds) : undefined,
      ),
    )
    .orderBy(asc(stations.id));
  return rows.map((row) => row.id);
}

export async function insertCampaign(
  db: Db,
  campaign: Omit<FirmwareCampaign, 'id' | 'createdAt' | 'finishedAt' | 'stateReason' | 'state'>,
  stationIds: string[],
): Promise<FirmwareCampaign> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(firmwareCampaigns).values(campaign).returning();
    await tx.insert(firmwareCampaignTargets).values(stationIds.map((stationId) => ({ campaignId: row!.id, stationId })));
    return row!;
  });
}

export function listCampaigns(db: Db, limit = 100) {
  return db
    .select({ campaign: firmwareCampaigns, firmware: firmwareImages })
    .from(firmwareCampaigns)
    .innerJoin(firmwareImages, eq(firmwareImages.id, firmwareCampaigns.firmwareId))
    .orderBy(desc(firmwareCampaigns.id))
    .limit(limit);
}

export async function getCampaign(db: Db, id: number) {
  const [row] = await db
    .select({ campaign: firmwareCampaigns, firmware: firmwareImages })
    .from(firmwareCampaigns)
    .innerJoin(firmwareImages, eq(firmwareImages.id, firmwareCampaigns.firmwareId))
    .where(eq(firmwareCampaigns.id, id));
  return row;
}

export function listCampaignTargets(db: Db, campaignId: number): Promise<FirmwareCampaignTarget[]> {
  return db.select().from(firmwareCampaignTargets).where(eq(firmwareCampaignTargets.campaignId, campaignId)).orderBy(asc(firmwareCampaignTargets.stationId));
}

/** Targets per state, e.g. { pending: 3, installed: 5 }. */
export async function countCampaignTargets(db: Db, campaignId: number): Promise<Partial<Record<CampaignTargetState, number>>> {
  const rows = await db
    .select({ state: firmwareCampaignTargets.state, count: sql<number>`count(*)::int` })
    .from(firmwareCampaignTargets)
    .where(eq(firmwareCampaignTargets.campaignId, campaignId))
    .groupBy(firmwareCampaignTargets.state);
  return Object.fromEntries(rows.map((row) => [row.state, row.count]));
}

/** Moves a campaign from one of `from` to `to`; undefined when it was in none of them. */
export async function setCampaignState(db: Db, id: number, input: { from: readonly CampaignState[]; to: CampaignState; reason?: string | null; final?: boolean }) {
  const [row] = await db
    .update(firmwareCampaigns)
    .set({ state: input.to, stateReason: input.reason ?? null, finishedAt: input.final ? sql`now()` : null })
    .where(and(eq(firmwareCampaigns.id, id), inArray(firmwareCampaigns.state, [...input.from])))
    .returning();
  return row;
}

/** Scheduled campaigns whose start time came: running. */
export function startDueCampaigns(db: Db, now: Date): Promise<FirmwareCampaign[]> {
  return db
    .update(firmwareCampaigns)
    .set({ state: 'running' })
    .where(and(eq(firmwareCampaigns.state, 'scheduled'), lte(firmwareCampaigns.startAt, now)))
    .returning();
}

export function listRunningCampaigns(db: Db): Promise<FirmwareCampaign[]> {
  return db.select().from(firmwareCampaigns).where(eq(firmwareCampaigns.state, 'running')).orderBy(asc(firmwareCampaigns.id));
}

/** Sent targets whose UpdateFirmware did not complete (offline, rejected, timed out, CALLERROR): failed. */
export async function failTargetsOfFailedCommands(db: Db, campaignId: number): Promise<number> {
  const rows = await db.execute(sql`
    update ${firmwareCampaignTargets} t
    set state = 'failed', detail = 'UpdateFirmware ' || c.state || coalesce(': ' || c.error_code, ''), finished_at = now(), updated_at = now()
    from commands c
    where c.id = t.command_id and t.campaign_id = ${campaignId} and t.state = 'sent'
      and c.state in ('rejected', 'failed', 'timed_out', 'offline')
    returning t.id`);
  return rows.length;
}

/** In-flight targets with no final status `timeoutS` after the command was sent: failed. */
export async function failOverdueTargets(db: Db, input: { campaignId: number; timeoutS: number; now: Date }): Promise<number> {
  const rows = await db
    .update(firmwareCampaignTargets)
    .set({ state: 'failed', detail: sql`'No Installed status within ' || ${input.timeoutS} || ' s (last: ' || coalesce(${firmwareCampaignTargets.detail}, 'none') || ')'`, finishedAt: input.now, updatedAt: input.now })
    .where(
      and(
        eq(firmwareCampaignTargets.campaignId, input.campaignId),
        inArray(firmwareCampaignTargets.state, [...inFlightTargetStates]),
        sql`${firmwareCampaignTargets.sentAt} < ${input.now.toISOString()}::timestamptz - make_interval(secs => ${input.timeoutS})`,
      ),
    )
    .returning({ id: firmwareCampaignTargets.id });
  return rows.length;
}

export function listPendingTargets(db: Db, campaignId: number, limit: number): Promise<FirmwareCampaignTarget[]> {
  return db
    .select()
    .from(firmwareCampaignTargets)
    .where(and(eq(firmwareCampaignTargets.campaignId, campaignId), eq(firmwareCampaignTargets.state, 'pending')))
    .orderBy(asc(firmwareCampaignTargets.id))
    .limit(limit);
}

export async function updateTarget(db: Db, id: number, patch: Partial<Omit<FirmwareCampaignTarget, 'id' | 'campaignId' | 'stationId'>>): Promise<void> {
  await db.update(firmwareCampaignTargets).set({ ...patch, updatedAt: sql`now()` }).where(eq(firmwareCampaignTargets.id, id));
}

/**
 * A FirmwareStatusNotification for the station's newest in-flight target: moved to `state`
 * (never back to an earlier step). Returns the campaign id when a target moved.
 */
export async function advanceStationTarget(
  db: Db,
  input: { stationId: string; state: CampaignTargetState; allowedFrom: readonly CampaignTargetState[]; detail: string; at: Date; final: boolean },
): Promise<number | undefined> {
  const rows = await db.execute<{ campaign_id: string }>(sql`
    update ${firmwareCampaignTargets} t set state = ${input.state}, detail = ${input.detail}, updated_at = ${input.at.toISOString()}::timestamptz,
      finished_at = case when ${input.final} then ${input.at.toISOString()}::timestamptz else null end
    where t.id = (
      select id from ${firmwareCampaignTargets}
      where station_id = ${input.stationId} and state in (select json_array_elements_text(${JSON.stringify(input.allowedFrom)}::json)::firmware_target_state)
      order by sent_at desc nulls last, id desc limit 1)
    returning t.campaign_id`);
  return rows[0] ? Number(rows[0].campaign_id) : undefined;
}

/** The target a download token belongs to, with its file, while the token is valid; counts the download. */
export async function takeFirmwareDownload(db: Db, tokenHash: string) {
  const [target] = await db
    .update(firmwareCampaignTargets)
    .set({ downloads: sql`${firmwareCampaignTargets.downloads} + 1`, downloadedAt: sql`now()` })
    .where(and(eq(firmwareCampaignTargets.tokenHash, tokenHash), sql`${firmwareCampaignTargets.tokenExpiresAt} > now()`))
    .returning();
  if (!target) return undefined;
  const [image] = await db
    .select({ image: firmwareImages })
    .from(firmwareCampaigns)
    .innerJoin(firmwareImages, eq(firmwareImages.id, firmwareCampaigns.firmwareId))
    .where(eq(firmwareCampaigns.id, target.campaignId));
  return image ? { target, image: image.image } : undefined;
}

/** Failed targets of a campaign back to pending (an operator retries them). */
export async function retryFailedTargets(db: Db, campaignId: number): Promise<number> {
  const rows = await db
    .update(firmwareCampaignTargets)
    .set({ state: 'pending', detail: null, commandId: null, tokenHash: null, tokenExpiresAt: null, sentAt: null, finishedAt: null, updatedAt: sql`now()` })
    .where(and(eq(firmwareCampaignTargets.campaignId, campaignId), eq(firmwareCampaignTargets.state, 'failed')))
    .returning({ id: firmwareCampaignTargets.id });
  return rows.length;
}
