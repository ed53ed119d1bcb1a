import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { transactionAnomalies, transactions, type Transaction } from '../schema';

export type NewTransaction = typeof transactions.$inferInsert;

/**
 * Serialises StartTransaction per connector until the surrounding database transaction ends: a
 * retransmission finds the first attempt's row. Always taken before `lockIdTag` (no deadlock).
 */
export async function lockConnector(db: Db, input: { stationId: string; connectorId: number }): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`connector:${input.stationId}:${input.connectorId}`}, 0))`);
}

/**
 * Serialises StartTransaction per idTag, for a tag with a concurrency limit (the count of its open
 * transactions stays exact). A tag without a limit is not serialised: one fleet card may start at
 * thousands of stations at once.
 */
export async function lockIdTag(db: Db, idTag: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`id_tag:${idTag.toLowerCase()}`}, 0))`);
}

export async function findTransactionByStartKey(
  db: Db,
  key: Pick<Transaction, 'stationId' | 'connectorId' | 'idTag' | 'startedAt' | 'meterStart'>,
): Promise<Transaction | undefined> {
  const [row] = await db
    .select()
    .from(transactions)
    .where(
      and(
        eq(transactions.stationId, key.stationId),
        eq(transactions.connectorId, key.connectorId),
        eq(transactions.idTag, key.idTag),
        eq(transactions.startedAt, key.startedAt),
        eq(transactions.meterStart, key.meterStart),
      ),
    );
  return row;
}

export async function getOpenTransactionOnConnector(db: Db, stationId: string, connectorId: number): Promise<Transaction | undefined> {
  const [row] = await db
    .select()
    .from(transactions)
    .where(and(eq(transactions.stationId, stationId), eq(transactions.connectorId, connectorId), isNull(transactions.stoppedAt)));
  return row;
}

export async function getTransactionById(db: Db, id: number): Promise<Transaction | undefined> {
  const [row] = await db.select().from(transactions).where(eq(transactions.id, id));
  return row;
}

export async function insertTransaction(db: Db, row: NewTransaction): Promise<Transaction> {
  const [inserted] = await db.insert(transactions).values(row).returning();
  return inserted!;
}

export interface TransactionStop {
  id: number;
  stoppedAt: Date;
  meterStop: number | null;
  stopReason: string | null;
  stopIdTag?: string | null;
  serverStopReason?: string | null;
  needsReview?: boolean;
  reviewNote?: string | null;
}

/** Stops an open transaction; undefined when it was already stopped (a retransmitted StopTransaction). */
export async function stopTransactionRow(db: Db, stop: TransactionStop): Promise<Transaction | undefined> {
  const { id, ...fields } = stop;
  const [row] = await db
    .update(transactions)
    .set({ ...fields, updatedAt: new Date() })
    .where(and(eq(transactions.id, id), isNull(transactions.stoppedAt)))
    .returning();
  return row;
}

export async function insertTransactionAnomaly(
  db: Db,
  row: { stationId: string; transactionId: number | null; kind: string; detail: Record<string, unknown>; at: Date },
): Promise<void> {
  await db.insert(transactionAnomalies).values(row);
}

export function listTransactionAnomalies(db: Db, stationId: string, limit = 100) {
  return db
    .select()
    .from(transactionAnomalies)
    .where(eq(transactionAnomalies.stationId, stationId))
    .orderBy(desc(transactionAnomalies.id))
    .limit(limit);
}

export function listTransactionsForStation(db: Db, stationId: string, limit = 100): Promise<Transaction[]> {
  return db.select().from(transactions).where(eq(transactions.stationId, stationId)).orderBy(desc(transactions.id)).limit(limit);
}

export type StuckReason = 'rebooted' | 'available' | 'offline' | 'max_duration';

export interface StuckTransaction {
  transaction: Transaction;
  reason: StuckReason;
  /** When the event that ended it happened (the boot, the status, the last contact, now). */
  eventAt: Date;
}

/**
 * Open transactions that can no longer end with a StopTransaction, with the first reason that
 * applies (in this order): the station booted after the start was received; its connector went back to a status
 * that is not a charging one (Available, Unavailable, Reserved) more than graceMs ago; the station
 * is offline and was last heard before offlineBefore; the session started before startedBefore.
 */
export async function listStuckTransactions(
  db: Db,
  input: { now: Date; graceMs: number; offlineBefore: Date; startedBefore: Date; limit: number },
): Promise<StuckTransaction[]> {
  const settledBefore = new Date(input.now.getTime() - input.graceMs).toISOString();
  const offlineBefore = input.offlineBefore.toISOString();
  const startedBefore = input.startedBefore.toISOString();
  const now = input.now.toISOString();
  const rows = (await db.execute(sql`
    select * from (select t.id,
      case
        when s.last_boot_at > t.created_at then 'rebooted'
        when c.status in ('Available', 'Unavailable', 'Reserved') and c.status_at > t.started_at and c.status_at <= ${settledBefore}::timestamptz then 'available'
        when not s.online and coalesce(s.last_seen_at, t.created_at) < ${offlineBefore}::timestamptz then 'offline'
        when t.started_at < ${startedBefore}::timestamptz then 'max_duration'
      end as reason,
      case
        when s.last_boot_at > t.created_at then s.last_boot_at
        when c.status in ('Available', 'Unavailable', 'Reserved') and c.status_at > t.started_at and c.status_at <= ${settledBefore}::timestamptz then c.status_at
        when not s.online and coalesce(s.last_seen_at, t.created_at) < ${offlineBefore}::timestamptz then coalesce(s.last_seen_at, t.created_at)
        else ${now}::timestamptz
      end as event_at
    from transactions t
    join stations s on s.id = t.station_id
    left join connectors c on c.station_id = t.station_id and c.connector_id = t.connector_id
    where t.stopped_at is null) stuck
    where reason is not null
    order by id
    limit ${input.limit}
  `)) as unknown as { id: number; reason: StuckReason; event_at: Date | string }[];
  const stuck = rows;
  const result: StuckTransaction[] = [];
  for (const row of stuck) {
    const transaction = await getTransactionById(db, row.id);
    if (transaction) result.push({ transaction, reason: row.reason, eventAt: new Date(row.event_at) });
  }
  return result;
}

/** The transaction's last energy register sample (Energy.Active.Import.Register, the total, not a phase). */
export async function getLastEnergySample(db: Db, transactionId: number): Promise<{ value: number; sampledAt: Date } | undefined> {
  const rows = (await db.execute(sql`
    select value, sampled_at from meter_values
    where transaction_id = ${transactionId} and measurand = 'Energy.Active.Import.Register' and value is not null and phase is null
      and coalesce(location, 'Outlet') = 'Outlet'
    order by sampled_at desc, id desc limit 1
  `)) as unknown as { value: number; sampled_at: Date | string }[];
  const row = rows[0];
  return row ? { value: Math.round(Number(row.value)), sampledAt: new Date(row.sampled_at) } : undefined;
}

/** A late StopTransaction for a transaction the server had closed: its real stop data, the review note appended. */
export async function restateTransactionStop(
  db: Db,
  input: { id: number; stoppedAt: Date; meterStop: number; stopReason: string; stopIdTag: string | null; note: string },
): Promise<Transaction | undefined> {
  const [row] = await db
    .update(transactions)
    .set({
      stoppedAt: input.stoppedAt,
      meterStop: input.meterStop,
      stopReason: input.stopReason,
      stopIdTag: input.stopIdTag,
      needsReview: true,
      reviewNote: sql`concat_ws(E'\n', ${transactions.reviewNote}, ${input.note}::text)`,
      updatedAt: new Date(),
    })
    .where(eq(transactions.id, input.id))
    .returning();
  return row;
}

/**
 * Clears the review flag of a flagged transaction (the operator has looked at it), appending who and
 * why to the note. Answers undefined when it was not flagged (already reviewed, or never flagged).
 */
export async function markTransactionReviewed(db: Db, input: { id: number; note: string; at: Date }): Promise<Transaction | undefined> {
  const [row] = await db
    .update(transactions)
    .set({ needsReview: false, reviewNote: sql`concat_ws(E'\n', ${transactions.reviewNote}, ${input.note}::text)`, updatedAt: input.at })
    .where(and(eq(transactions.id, input.id), eq(transactions.needsReview, true)))
    .returning();
  return row;
}
