import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import {
  sites,
  tariffAssignments,
  tariffs,
  tariffVersions,
  type TariffAssignmentRow,
  type TariffRow,
  type TariffScope,
  type TariffSource,
  type TariffVersionRow,
} from '../schema';

export async function getTariffById(db: Db, id: string): Promise<TariffRow | undefined> {
  const [row] = await db.select().from(tariffs).where(eq(tariffs.id, id));
  return row;
}

export async function getTariffByName(db: Db, name: string): Promise<TariffRow | undefined> {
  const [row] = await db.select().from(tariffs).where(sql`lower(${tariffs.name}) = lower(${name})`);
  return row;
}

/** Locks the tariff row until the surrounding transaction ends: edits of one tariff queue up. */
export async function lockTariff(db: Db, id: string): Promise<TariffRow | undefined> {
  const [row] = await db.select().from(tariffs).where(eq(tariffs.id, id)).for('update');
  return row;
}

export function listTariffRows(db: Db): Promise<TariffRow[]> {
  return db.select().from(tariffs).orderBy(desc(tariffs.isDefault), asc(sql`lower(${tariffs.name})`));
}

export async function insertTariff(db: Db, row: { name: string; currency: string; now: Date }): Promise<TariffRow> {
  const [inserted] = await db.insert(tariffs).values({ name: row.name, currency: row.currency, createdAt: row.now, updatedAt: row.now }).returning();
  return inserted!;
}

export async function updateTariffRow(db: Db, id: string, patch: Partial<Pick<TariffRow, 'name' | 'currency' | 'isDefault'>>, now: Date): Promise<TariffRow> {
  const [row] = await db.update(tariffs).set({ ...patch, updatedAt: now }).where(eq(tariffs.id, id)).returning();
  return row!;
}

/** Unsets the default flag wherever it is (at most one row). */
export async function clearDefaultTariffFlag(db: Db, now: Date): Promise<void> {
  await db.update(tariffs).set({ isDefault: false, updatedAt: now }).where(eq(tariffs.isDefault, true));
}

export async function getLatestTariffVersion(db: Db, tariffId: string): Promise<TariffVersionRow | undefined> {
  const [row] = await db.select().from(tariffVersions).where(eq(tariffVersions.tariffId, tariffId)).orderBy(desc(tariffVersions.version)).limit(1);
  return row;
}

/** The latest version of every tariff, in one query. */
export async function listLatestTariffVersions(db: Db): Promise<Map<string, TariffVersionRow>> {
  const rows = await db
    .selectDistinctOn([tariffVersions.tariffId])
    .from(tariffVersions)
    .orderBy(tariffVersions.tariffId, desc(tariffVersions.version));
  return new Map(rows.map((row) => [row.tariffId, row]));
}

export async function getTariffVersionById(db: Db, id: string): Promise<TariffVersionRow | undefined> {
  const [row] = await db.select().from(tariffVersions).where(eq(tariffVersions.id, id));
  return row;
}

export type TariffVersionSummary = Omit<TariffVersionRow, 'tariff'>;

export function listTariffVersions(db: Db, tariffId: string): Promise<TariffVersionSummary[]> {
  return db
    .select({ id: tariffVersions.id, tariffId: tariffVersions.tariffId, version: tariffVersions.version, createdAt: tariffVersions.createdAt, createdBy: tariffVersions.createdBy })
    .from(tariffVersions)
    .where(eq(tariffVersions.tariffId, tariffId))
    .orderBy(desc(tariffVersions.version));
}

export async function insertTariffVersion(db: Db, row: typeof tariffVersions.$inferInsert): Promise<TariffVersionRow> {
  const [inserted] = await db.insert(tariffVersions).values(row).returning();
  return inserted!;
}

export interface AssignmentTarget {
  scope: TariffScope;
  siteId: string | null;
  stationId: string | null;
  connectorId: number | null;
}

export type AssignmentWithTarget = TariffAssignmentRow & { siteName: string | null; tariffName: string };

const assignmentColumns = { assignment: tariffAssignments, siteName: sites.name, tariffName: tariffs.name };

/** Open assignments (of one tariff, or all), with names for display. */
export async function listOpenAssignments(db: Db, tariffId?: string): Promise<AssignmentWithTarget[]> {
  const rows = await db
    .select(assignmentColumns)
    .from(tariffAssignments)
    .innerJoin(tariffs, eq(tariffs.id, tariffAssignments.tariffId))
    .leftJoin(sites, eq(sites.id, tariffAssignments.siteId))
    .where(and(isNull(tariffAssignments.removedAt), tariffId ? eq(tariffAssignments.tariffId, tariffId) : undefined))
    .orderBy(tariffAssignments.scope, tariffAssignments.stationId, tariffAssignments.connectorId, tariffAssignments.createdAt);
  return rows.map(({ assignment, siteName, tariffName }) => ({ ...assignment, siteName, tariffName }));
}

export async function getAssignmentById(db: Db, id: string): Promise<TariffAssignmentRow | undefined> {
  const [row] = await db.select().from(tariffAssignments).where(eq(tariffAssignments.id, id));
  return row;
}

/** The open assignment of a target (locked until the transaction ends), if any. */
export async function lockOpenAssignment(db: Db, target: AssignmentTarget): Promise<TariffAssignmentRow | undefined> {
  const same = (column: typeof tariffAssignments.siteId | typeof tariffAssignments.stationId | typeof tariffAssignments.connectorId, value: string | number | null) =>
    value === null ? isNull(column) : eq(column, value);
  const [row] = await db
    .select()
    .from(tariffAssignments)
    .where(
      and(
        eq(tariffAssignments.scope, target.scope),
        same(tariffAssignments.siteId, target.siteId),
        same(tariffAssignments.stationId, target.stationId),
        same(tariffAssignments.connectorId, target.connectorId),
        isNull(tariffAssignments.removedAt),
      ),
    )
    .for('update');
  return row;
}

export async function insertAssignment(db: Db, row: AssignmentTarget & { tariffId: string; createdAt: Date; createdBy: string }): Promise<TariffAssignmentRow> {
  const [inserted] = await db.insert(tariffAssignments).values(row).returning();
  return inserted!;
}

export async function closeAssignment(db: Db, id: string, at: Date, by: string): Promise<void> {
  await db.update(tariffAssignments).set({ removedAt: at, removedBy: by }).where(and(eq(tariffAssignments.id, id), isNull(tariffAssignments.removedAt)));
}

export interface TariffCandidate {
  /** Null when the tariff came from an override or a subscription plan. */
  assignmentId: string | null;
  scope: TariffSource;
  tariffId: string;
  tariffName: string;
  version: TariffVersionRow;
}

/**
 * Every assignment that covered the connector at `at` (open then, by both histories), most specific
 * first, each with the version of its tariff in force at `at`. The caller picks the first that is
 * valid (OCPI start/end_date_time).
 */
export async function listTariffCandidatesAt(
  db: Db,
  target: { stationId: string; connectorId: number; siteId: string | null; at: Date },
): Promise<TariffCandidate[]> {
  const at = target.at.toISOString();
  const rows = await db.execute<{ assignment_id: string; scope: TariffScope; tariff_id: string; tariff_name: string; version: TariffVersionRow & Record<string, unknown> }>(sql`
    select a.id as assignment_id, a.scope, a.tariff_id, t.name as tariff_name,
      json_build_object('id', v.id, 'tariffId', v.tariff_id, 'version', v.version, 'tariff', v.tariff,
        'createdAt', v.created_at, 'createdBy', v.created_by) as version
    from ${tariffAssignments} a
    join ${tariffs} t on t.id = a.tariff_id
    join lateral (
      select * from ${tariffVersions} v where v.tariff_id = a.tariff_id and v.created_at <= ${at}::timestamptz
      order by v.version desc limit 1
    ) v on true
    where a.created_at <= ${at}::timestamptz and (a.removed_at is null or a.removed_at > ${at}::timestamptz)
      and ((a.scope = 'connector' and a.station_id = ${target.stationId} and a.connector_id = ${target.connectorId})
        or (a.scope = 'station' and a.station_id = ${target.stationId})
        ${target.siteId ? sql`or (a.scope = 'site' and a.site_id = ${target.siteId})` : sql``}
        or a.scope = 'default')
    order by case a.scope when 'connector' then 0 when 'station' then 1 when 'site' then 2 else 3 end, a.created_at desc`);
  return rows.map((row) => ({
    assignmentId: row.assignment_id,
    scope: row.scope,
    tariffId: row.tariff_id,
    tariffName: row.tariff_name,
    version: { ...row.version, createdAt: new Date(row.version.createdAt as unknown as string) },
  }));
}
