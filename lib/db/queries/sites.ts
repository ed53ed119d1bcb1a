import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { sites, stations, stationSites, type NewSite, type Site } from '../schema';

export type SiteFields = Omit<NewSite, 'id' | 'createdAt' | 'updatedAt'>;

/** Per-site counts for the list: stations by what an operator cares about first. */
export interface SiteStatusSummary {
  stations: number;
  online: number;
  offline: number;
  /** Online stations with at least one connector Charging. */
  charging: number;
  /** Online stations with a connector Faulted. */
  faulted: number;
}

export type SiteWithSummary = Site & { summary: SiteStatusSummary };

export async function getSiteById(db: Db, id: string): Promise<Site | undefined> {
  const [row] = await db.select().from(sites).where(eq(sites.id, id));
  return row;
}

export async function getSiteByName(db: Db, name: string): Promise<Site | undefined> {
  const [row] = await db.select().from(sites).where(sql`lower(${sites.name}) = lower(${name})`);
  return row;
}

export async function insertSite(db: Db, fields: SiteFields, now: Date): Promise<Site> {
  const [row] = await db.insert(sites).values({ ...fields, createdAt: now, updatedAt: now }).returning();
  return row!;
}

export async function updateSiteRow(db: Db, id: string, patch: Partial<SiteFields>, now: Date): Promise<Site | undefined> {
  const [row] = await db.update(sites).set({ ...patch, updatedAt: now }).where(eq(sites.id, id)).returning();
  return row;
}

export async function deleteSiteRow(db: Db, id: string): Promise<void> {
  await db.delete(sites).where(eq(sites.id, id));
}

/** Station counts per site (sites without stations are absent), optionally of one site. */
async function countSiteStatuses(db: Db, siteId?: string): Promise<Map<string, SiteStatusSummary>> {
  const rows = await db.execute<{ id: string; stations: number; online: number; charging: number; faulted: number }>(sql`
    select ss.site_id as id, count(*)::int as stations, (count(*) filter (where s.online))::int as online,
      (count(*) filter (where s.online and c.charging))::int as charging,
      (count(*) filter (where s.online and c.faulted))::int as faulted
    from ${stationSites} ss
    join ${stations} s on s.id = ss.station_id
    left join lateral (
      select bool_or(status = 'Charging' and connector_id > 0) as charging, bool_or(status = 'Faulted') as faulted
      from connectors where station_id = s.id
    ) c on true
    ${siteId ? sql`where ss.site_id = ${siteId}` : sql``}
    group by ss.site_id`);
  return new Map(rows.map(({ id, ...counts }) => [id, { ...counts, offline: counts.stations - counts.online }]));
}

const EMPTY_SUMMARY: SiteStatusSummary = { stations: 0, online: 0, offline: 0, charging: 0, faulted: 0 };

/** Every site with its station counts, by name. */
export async function listSitesWithSummary(db: Db): Promise<SiteWithSummary[]> {
  const [counts, list] = await Promise.all([countSiteStatuses(db), db.select().from(sites).orderBy(asc(sql`lower(${sites.name})`))]);
  return list.map((site) => ({ ...site, summary: counts.get(site.id) ?? EMPTY_SUMMARY }));
}

export async function getSiteSummary(db: Db, siteId: string): Promise<SiteStatusSummary> {
  return (await countSiteStatuses(db, siteId)).get(siteId) ?? EMPTY_SUMMARY;
}

export interface SiteStation {
  id: string;
  vendor: string | null;
  model: string | null;
  online: boolean;
  lastSeenAt: Date | null;
}

export function listSiteStations(db: Db, siteId: string): Promise<SiteStation[]> {
  return db
    .select({ id: stations.id, vendor: stations.vendor, model: stations.model, online: stations.online, lastSeenAt: stations.lastSeenAt })
    .from(stationSites)
    .innerJoin(stations, eq(stations.id, stationSites.stationId))
    .where(eq(stationSites.siteId, siteId))
    .orderBy(asc(stations.id));
}

export function countSiteStations(db: Db, siteId: string): Promise<number> {
  return db.$count(stationSites, eq(stationSites.siteId, siteId));
}

/** Every station with the site it belongs to (null: none), for the assignment picker. */
export function listStationsWithSite(db: Db): Promise<{ id: string; siteId: string | null; siteName: string | null }[]> {
  return db
    .select({ id: stations.id, siteId: stationSites.siteId, siteName: sites.name })
    .from(stations)
    .leftJoin(stationSites, eq(stationSites.stationId, stations.id))
    .leftJoin(sites, eq(sites.id, stationSites.siteId))
    .orderBy(asc(stations.id));
}

/** The ids among `ids` that name an existing station. */
export async function listExistingStationIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: stations.id }).from(stations).where(inArray(stations.id, ids));
  return new Set(rows.map((row) => row.id));
}

/**
 * Makes `stationIds` exactly the stations of the site: they move here (from any other site) and
 * the site's other stations are unassigned.
 */
export async function replaceSiteStations(db: Db, siteId: string, stationIds: string[], now: Date): Promise<void> {
  await db
    .delete(stationSites)
    .where(stationIds.length > 0 ? and(eq(stationSites.siteId, siteId), notInArray(stationSites.stationId, stationIds)) : eq(stationSites.siteId, siteId));
  if (stationIds.length === 0) return;
  await db
    .insert(stationSites)
    .values(stationIds.map((stationId) => ({ stationId, siteId, assignedAt: now })))
    .onConflictDoUpdate({
      target: stationSites.stationId,
      set: { siteId, assignedAt: sql`case when ${stationSites.siteId} = excluded.site_id then ${stationSites.assignedAt} else excluded.assigned_at end` },
    });
}

/** The site of a station, if it has one. */
export async function getStationSite(db: Db, stationId: string): Promise<Site | undefined> {
  const [row] = await db
    .select({ site: sites })
    .from(stationSites)
    .innerJoin(sites, eq(sites.id, stationSites.siteId))
    .where(eq(stationSites.stationId, stationId));
  return row?.site;
}

/** station id → site id of every assigned station (the SSE site filter's index). */
export async function listStationSiteIds(db: Db): Promise<Map<string, string>> {
  const rows = await db.select({ stationId: stationSites.stationId, siteId: stationSites.siteId }).from(stationSites);
  return new Map(rows.map((row) => [row.stationId, row.siteId]));
}

/** Sites by name for filter menus: id and name only. */
export function listSiteNames(db: Db): Promise<{ id: string; name: string }[]> {
  return db.select({ id: sites.id, name: sites.name }).from(sites).orderBy(asc(sql`lower(${sites.name})`));
}
