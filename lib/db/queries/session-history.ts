import { and, desc, eq, gte, ilike, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { meterValues, transactions } from '../schema';

export interface SessionFilter {
  from?: Date;
  to?: Date;
  stationId?: string;
  idTag?: string;
  /** Part of the name or email of the driver who owns the session's id tag (case-insensitive). */
  driver?: string;
  siteId?: string;
  state?: 'active' | 'completed';
  /** true: only the sessions flagged for review; false: only the others. */
  needsReview?: boolean;
  limit?: number;
  beforeId?: number;
}

/** Sessions newest first, filtered in SQL; keyset pagination by id (`beforeId`). */
export function listSessions(db: Db, filter: SessionFilter = {}) {
  const where: SQL[] = [];
  if (filter.from) where.push(gte(transactions.startedAt, filter.from));
  if (filter.to) where.push(lt(transactions.startedAt, filter.to));
  if (filter.stationId) where.push(eq(transactions.stationId, filter.stationId));
  if (filter.idTag) where.push(ilike(transactions.idTag, filter.idTag));
  if (filter.driver) {
    const pattern = `%${filter.driver.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`exists (select 1 from id_tags t join drivers d on d.id = t.driver_id where t.id_tag = ${transactions.idTag} and (d.name ilike ${pattern} or d.email ilike ${pattern}))`);
  }
  if (filter.siteId) where.push(sql`exists (select 1 from station_sites ss where ss.station_id = ${transactions.stationId} and ss.site_id = ${filter.siteId})`);
  if (filter.state === 'active') where.push(isNull(transactions.stoppedAt));
  if (filter.state === 'completed') where.push(isNotNull(transactions.stoppedAt));
  if (filter.needsReview !== undefined) where.push(eq(transactions.needsReview, filter.needsReview));
  if (filter.beforeId) where.push(lt(transactions.id, filter.beforeId));
  return db
    .select({
      id: transactions.id,
      stationId: transactions.stationId,
      connectorId: transactions.connectorId,
      idTag: transactions.idTag,
      startedAt: transactions.startedAt,
      stoppedAt: transactions.stoppedAt,
      meterStart: transactions.meterStart,
      meterStop: transactions.meterStop,
      energyWh: sql<number | null>`${transactions.meterStop} - ${transactions.meterStart}`,
      stopReason: transactions.stopReason,
      serverStopReason: transactions.serverStopReason,
      needsReview: transactions.needsReview,
    })
    .from(transactions)
    .where(and(...where))
    .orderBy(desc(transactions.id))
    .limit(filter.limit ?? 100);
}

export type SessionRow = Awaited<ReturnType<typeof listSessions>>[number];

/** The power curve and energy register of one session, for its detail page. */
export function listSessionCurve(db: Db, transactionId: number) {
  return db
    .select({ at: meterValues.sampledAt, measurand: meterValues.measurand, phase: meterValues.phase, value: meterValues.value, unit: meterValues.unit })
    .from(meterValues)
    .where(and(eq(meterValues.transactionId, transactionId), sql`${meterValues.measurand} in ('Power.Active.Import', 'Energy.Active.Import.Register', 'SoC')`))
    .orderBy(meterValues.sampledAt);
}
