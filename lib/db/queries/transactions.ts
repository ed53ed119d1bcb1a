import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { transactionAnomalies, transactions, type Transaction } from '../schema';

export type NewTransaction = typeof transactions.$inferInsert;

/**
 * Serialises StartTransaction per connector and per idTag until the surrounding database transaction
 * ends (always in this order: no deadlock). Keeps retransmits and concurrency limits exact.
 */
export async function lockConnectorAndTag(db: Db, input: { stationId: string; connectorId: number; idTag: string }): Promise<void> {
  const connectorKey = `connector:${input.stationId}:${input.connectorId}`;
  const tagKey = `id_tag:${input.idTag.toLowerCase()}`;
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${connectorKey}, 0)), pg_advisory_xact_lock(hashtextextended(${tagKey}, 0))`);
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
