import { and, asc, count, eq, ilike, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import { drivers, idTags, idTagSites, sites, stationSites, transactions, type DriverStatus, type IdTag, type IdTagSetting } from '../schema';

/** A registered tag above another one: its parent, the parent's parent, … */
export interface TagAncestor {
  idTag: string;
  status: IdTagSetting;
  expiresAt: Date | null;
}

/** Everything authorization needs about one tag, as seen from one station. */
export interface IdTagForAuthorization {
  tag: Pick<IdTag, 'idTag' | 'status' | 'expiresAt' | 'parentIdTag' | 'maxConcurrentTx'>;
  driverStatus: DriverStatus | null;
  /** True for an all-sites tag, or when the station belongs to one of the tag's sites. */
  allowedAtStation: boolean;
  /** The registered tags above it (OCPP 1.6 §3.5.3 parentIdTag: the group), nearest first. */
  ancestors: TagAncestor[];
}

const t = alias(idTags, 't');

/**
 * The chain of registered parents of the row `t`, nearest first, as JSON. Ends at a parent that is
 * not registered, at a repeat (a cycle: the API refuses them, rows written another way may hold one)
 * or after 32 levels. Written against the alias `t` by name: Drizzle leaves columns unqualified in a
 * query without joins, which inside this subquery would name the inner table.
 */
const ancestorsOfT = sql<{ idTag: string; status: IdTagSetting; expiresAt: string | null }[]>`coalesce((
    with recursive chain (id_tag, parent_id_tag, status, expires_at, depth, path) as (
      select p.id_tag, p.parent_id_tag, p.status, p.expires_at, 1, array[t.id_tag, p.id_tag]
      from ${idTags} p where p.id_tag = t.parent_id_tag
      union all
      select p.id_tag, p.parent_id_tag, p.status, p.expires_at, c.depth + 1, c.path || p.id_tag
      from chain c join ${idTags} p on p.id_tag = c.parent_id_tag
      where p.id_tag <> all (c.path) and c.depth < 32
    )
    select json_agg(json_build_object('idTag', id_tag, 'status', status, 'expiresAt', expires_at) order by depth) from chain
  ), '[]'::json)`;

const toAncestors = (rows: { idTag: string; status: IdTagSetting; expiresAt: string | null }[]): TagAncestor[] =>
  rows.map((row) => ({ idTag: row.idTag, status: row.status, expiresAt: row.expiresAt ? new Date(row.expiresAt) : null }));

/** The authorization view of tags from one station: the tag, its driver's status, the site rule, its parents. */
function selectForAuthorization(db: Db, stationId: string) {
  return db
    .select({
      tag: { idTag: t.idTag, status: t.status, expiresAt: t.expiresAt, parentIdTag: t.parentIdTag, maxConcurrentTx: t.maxConcurrentTx },
      driverStatus: drivers.status,
      allowedAtStation: sql<boolean>`(${t.allSites} or exists (
        select 1 from ${idTagSites} s join ${stationSites} ss on ss.site_id = s.site_id
        where s.id_tag_id = ${t.id} and ss.station_id = ${stationId}))`,
      ancestors: ancestorsOfT,
    })
    .from(t)
    .leftJoin(drivers, eq(drivers.id, t.driverId))
    .$dynamic();
}

/** The tag (matched exactly as the station sent it), its chain of parents, its driver and the site rule, in one query. */
export async function getIdTagForAuthorization(db: Db, input: { idTag: string; stationId: string }): Promise<IdTagForAuthorization | undefined> {
  const [row] = await selectForAuthorization(db, input.stationId).where(eq(t.idTag, input.idTag));
  return row && { ...row, ancestors: toAncestors(row.ancestors) };
}

/** The same for every tag (by value, up to `limit`), in one query: what a station's local list is built from. */
export async function listIdTagsForAuthorization(db: Db, input: { stationId: string; limit: number }): Promise<IdTagForAuthorization[]> {
  const rows = await selectForAuthorization(db, input.stationId).orderBy(asc(t.idTag)).limit(input.limit);
  return rows.map((row) => ({ ...row, ancestors: toAncestors(row.ancestors) }));
}

/** Open transactions of a tag, optionally not counting one (the transaction being stopped or replaced). */
export async function countOpenTransactionsForTag(db: Db, idTag: string, exceptTransactionId?: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(transactions)
    .where(
      and(
        // The partial index is on lower(id_tag); the exact comparison then keeps only this tag.
        sql`lower(${transactions.idTag}) = lower(${idTag})`,
        eq(transactions.idTag, idTag),
        isNull(transactions.stoppedAt),
        exceptTransactionId === undefined ? undefined : ne(transactions.id, exceptTransactionId),
      ),
    );
  return row?.n ?? 0;
}

/** True when the tag (matched exactly) limits its concurrent transactions: StartTransaction then serialises on it. */
export async function idTagHasConcurrencyLimit(db: Db, idTag: string): Promise<boolean> {
  const [row] = await db.select({ limit: idTags.maxConcurrentTx }).from(idTags).where(eq(idTags.idTag, idTag));
  return row?.limit != null;
}

export type IdTagFields = Omit<typeof idTags.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

/** Creates the tag or updates the one with the same value (tests and seeding: no checks, no audit). */
export async function upsertIdTag(db: Db, input: IdTagFields): Promise<IdTag> {
  const [row] = await db
    .insert(idTags)
    .values(input)
    .onConflictDoUpdate({ target: idTags.idTag, set: { ...input, updatedAt: new Date() } })
    .returning();
  return row!;
}

export async function getIdTagByValue(db: Db, idTag: string): Promise<IdTag | undefined> {
  const [row] = await db.select().from(idTags).where(eq(idTags.idTag, idTag));
  return row;
}

/** Tags by value, locked until the surrounding transaction ends (in value order: no deadlock). */
export function lockIdTagsByValue(db: Db, values: string[]): Promise<IdTag[]> {
  if (values.length === 0) return Promise.resolve([]);
  return db.select().from(idTags).where(inArray(idTags.idTag, values)).orderBy(asc(idTags.idTag)).for('update');
}

export async function insertIdTag(db: Db, fields: IdTagFields, now: Date): Promise<IdTag> {
  const [row] = await db.insert(idTags).values({ ...fields, createdAt: now, updatedAt: now }).returning();
  return row!;
}

export async function updateIdTagRow(db: Db, id: string, patch: Partial<IdTagFields>, now: Date): Promise<IdTag | undefined> {
  const [row] = await db.update(idTags).set({ ...patch, updatedAt: now }).where(eq(idTags.id, id)).returning();
  return row;
}

export async function deleteIdTagRow(db: Db, id: string): Promise<void> {
  await db.delete(idTags).where(eq(idTags.id, id));
}

export async function replaceIdTagSites(db: Db, idTagId: string, siteIds: string[]): Promise<void> {
  await db.delete(idTagSites).where(eq(idTagSites.idTagId, idTagId));
  if (siteIds.length > 0) await db.insert(idTagSites).values(siteIds.map((siteId) => ({ idTagId, siteId })));
}

/** Values of the tags whose parentIdTag is this one. */
export async function listChildIdTags(db: Db, idTag: string): Promise<string[]> {
  const rows = await db.select({ idTag: idTags.idTag }).from(idTags).where(eq(idTags.parentIdTag, idTag)).orderBy(asc(idTags.idTag));
  return rows.map((row) => row.idTag);
}

/** The values of a tag's registered ancestors, nearest first (to refuse a parent that forms a cycle). */
export async function listAncestorValues(db: Db, idTag: string): Promise<string[]> {
  const [row] = await db.select({ ancestors: ancestorsOfT }).from(t).where(eq(t.idTag, idTag));
  return row ? row.ancestors.map((ancestor) => ancestor.idTag) : [];
}

/** Values of every tag below these (children, their children, …): their authorization changes with them. */
export async function listDescendantValues(db: Db, values: string[]): Promise<string[]> {
  if (values.length === 0) return [];
  const rows = await db.execute<{ id_tag: string }>(sql`
    with recursive below (id_tag, depth) as (
      select id_tag, 1 from ${idTags} where parent_id_tag in ${values}
      union
      select c.id_tag, b.depth + 1 from below b join ${idTags} c on c.parent_id_tag = b.id_tag where b.depth < 32
    )
    select distinct id_tag from below`);
  return rows.map((row) => row.id_tag);
}

/** The ids among `ids` that name a site. */
export async function listExistingSiteIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: sites.id }).from(sites).where(inArray(sites.id, ids));
  return new Set(rows.map((row) => row.id));
}

/** Every site by id and name (forms offer them; the CSV files name sites by name). */
export function listSiteNames(db: Db): Promise<{ id: string; name: string }[]> {
  return db.select({ id: sites.id, name: sites.name }).from(sites).orderBy(asc(sql`lower(${sites.name})`));
}

export interface IdTagListFilter {
  /** Part of the value, the label or the driver's name (case-insensitive). */
  search?: string;
  status?: IdTagSetting;
  driverId?: string;
  limit?: number;
  offset?: number;
}

export interface IdTagRow extends IdTag {
  driverName: string | null;
  driverEmail: string | null;
  driverStatus: DriverStatus | null;
  /** The sites of a restricted tag; empty for an all-sites tag. */
  siteIds: string[];
  ancestors: TagAncestor[];
}

function listConditions(filter: IdTagListFilter): SQL | undefined {
  const needle = filter.search?.trim() ? `%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return and(
    needle ? or(ilike(t.idTag, needle), ilike(t.label, needle), ilike(drivers.name, needle)) : undefined,
    filter.status ? eq(t.status, filter.status) : undefined,
    filter.driverId ? eq(t.driverId, filter.driverId) : undefined,
  );
}

const rowFields = {
  tag: t,
  driverName: drivers.name,
  driverEmail: drivers.email,
  driverStatus: drivers.status,
  siteIds: sql<string[]>`coalesce((select json_agg(s.site_id order by s.site_id) from ${idTagSites} s where s.id_tag_id = ${t.id}), '[]'::json)`,
  ancestors: ancestorsOfT,
};

function selectIdTagRows(db: Db) {
  return db.select(rowFields).from(t).leftJoin(drivers, eq(drivers.id, t.driverId)).$dynamic();
}

type RawRow = Awaited<ReturnType<typeof selectIdTagRows>>[number];
const toRow = ({ tag, ancestors, ...rest }: RawRow): IdTagRow => ({ ...tag, ...rest, ancestors: toAncestors(ancestors) });

/** Tags by value, with their driver, sites and parent chain, and how many match the filter. */
export async function listIdTags(db: Db, filter: IdTagListFilter = {}): Promise<{ rows: IdTagRow[]; total: number }> {
  const where = listConditions(filter);
  const [rows, [total]] = await Promise.all([
    selectIdTagRows(db).where(where).orderBy(asc(t.idTag)).limit(filter.limit ?? 100).offset(filter.offset ?? 0),
    db.select({ n: count() }).from(t).leftJoin(drivers, eq(drivers.id, t.driverId)).where(where),
  ]);
  return { rows: rows.map(toRow), total: total?.n ?? 0 };
}

/** One tag, by value or by row id, with the same details as a list row. */
export async function getIdTagRow(db: Db, key: { idTag: string } | { id: string }): Promise<IdTagRow | undefined> {
  const [row] = await selectIdTagRows(db).where('id' in key ? eq(t.id, key.id) : eq(t.idTag, key.idTag));
  return row && toRow(row);
}

/** Every tag of a driver. */
export async function listDriverIdTags(db: Db, driverId: string): Promise<IdTagRow[]> {
  return (await selectIdTagRows(db).where(eq(t.driverId, driverId)).orderBy(asc(t.idTag))).map(toRow);
}

/** Every tag that names a parent: value → parent value (the import checks the combined chains for cycles). */
export async function listParentLinks(db: Db): Promise<Map<string, string>> {
  const rows = await db.select({ idTag: idTags.idTag, parentIdTag: idTags.parentIdTag }).from(idTags).where(isNotNull(idTags.parentIdTag));
  return new Map(rows.map((row) => [row.idTag, row.parentIdTag!]));
}

/** Tag values by value (the forms offer them as parents). */
export async function listIdTagValues(db: Db, limit = 500): Promise<string[]> {
  const rows = await db.select({ idTag: idTags.idTag }).from(idTags).orderBy(asc(idTags.idTag)).limit(limit);
  return rows.map((row) => row.idTag);
}
