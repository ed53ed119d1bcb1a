import { and, eq, isNull, like, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { lowBalanceStops, type LowBalanceStop } from '../schema';

export interface TransactionWallet {
  transactionId: number;
  stationId: string;
  stoppedAt: Date | null;
  walletId: string;
  currency: string;
  allowNegative: boolean;
}

/** The prepaid wallet that pays a session: its driver's as recorded at the start; undefined when none. */
export async function getTransactionWallet(db: Db, transactionId: number): Promise<TransactionWallet | undefined> {
  const rows = (await db.execute(sql`
    select t.id as transaction_id, t.station_id, t.stopped_at, w.id as wallet_id, w.currency, w.allow_negative
    from transactions t
    join transaction_tariffs tt on tt.transaction_id = t.id
    join wallets w on w.driver_id = tt.driver_id
    where t.id = ${transactionId}
  `)) as unknown as { transaction_id: number; station_id: string; stopped_at: Date | string | null; wallet_id: string; currency: string; allow_negative: boolean }[];
  const row = rows[0];
  if (!row) return undefined;
  return { transactionId: row.transaction_id, stationId: row.station_id, stoppedAt: row.stopped_at ? new Date(row.stopped_at) : null, walletId: row.wallet_id, currency: row.currency, allowNegative: row.allow_negative };
}

/** Records the decision to stop; false when a stop was already recorded for the session (by this or another node). */
export async function insertLowBalanceStop(db: Db, row: Omit<LowBalanceStop, 'commandId' | 'outcome' | 'retriedAt' | 'retryCommandId' | 'retryOutcome'>): Promise<boolean> {
  const inserted = await db.insert(lowBalanceStops).values(row).onConflictDoNothing().returning({ transactionId: lowBalanceStops.transactionId });
  return inserted.length > 0;
}

export async function recordLowBalanceStopOutcome(db: Db, transactionId: number, input: { commandId: number | null; outcome: string }): Promise<void> {
  await db.update(lowBalanceStops).set(input).where(eq(lowBalanceStops.transactionId, transactionId));
}

/**
 * Claims the one retry of a stop that found the station offline; false when there is nothing to
 * retry or another check (this node or another) claimed it first.
 */
export async function claimLowBalanceStopRetry(db: Db, transactionId: number, now: Date): Promise<boolean> {
  const claimed = await db
    .update(lowBalanceStops)
    .set({ retriedAt: now })
    .where(and(eq(lowBalanceStops.transactionId, transactionId), like(lowBalanceStops.outcome, 'offline%'), isNull(lowBalanceStops.retriedAt)))
    .returning({ transactionId: lowBalanceStops.transactionId });
  return claimed.length > 0;
}

export async function recordLowBalanceStopRetryOutcome(db: Db, transactionId: number, input: { commandId: number | null; outcome: string }): Promise<void> {
  await db.update(lowBalanceStops).set({ retryCommandId: input.commandId, retryOutcome: input.outcome }).where(eq(lowBalanceStops.transactionId, transactionId));
}

export async function getLowBalanceStop(db: Db, transactionId: number): Promise<LowBalanceStop | undefined> {
  const [row] = await db.select().from(lowBalanceStops).where(eq(lowBalanceStops.transactionId, transactionId));
  return row;
}
