import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { getLastEnergySample, listStuckTransactions, stopTransactionRow, type StuckReason } from '../db/queries/transactions';
import type { Transaction } from '../db/schema';

const RECONCILE_LOCK_KEY = 7_215_300_733;

export interface ReconcileLimits {
  /** How long a connector must have been back to a non-charging status before its transaction is closed. */
  graceMs: number;
  /** A station offline (last heard) longer than this has its open transactions closed. */
  offlineMs: number;
  /** A session open longer than this is closed. */
  maxSessionMs: number;
  /** At most this many per run (the next run takes the rest). */
  limit: number;
}

const REASON_TEXT: Record<StuckReason, string> = {
  rebooted: 'the station booted again after the start',
  available: 'the connector went back to a non-charging status',
  offline: 'the station stayed offline past the limit',
  max_duration: 'the session passed the maximum duration',
};

/**
 * Closes the open transactions that can no longer end with a StopTransaction (see
 * listStuckTransactions): stopped at the last energy register sample (else at meterStart, no
 * energy) and at its time (else at the event's time, never before the start), with server stop
 * reason `reconciled:<reason>` and the review flag. Under a transaction-level advisory lock, so of
 * several nodes one does it at a time. Returns the closed ones: the caller settles and announces them.
 */
export async function reconcileStuckTransactions(db: Db, input: ReconcileLimits & { now: Date }): Promise<Transaction[]> {
  const { now } = input;
  return db.transaction(async (tx) => {
    const [lock] = (await tx.execute(sql`select pg_try_advisory_xact_lock(${RECONCILE_LOCK_KEY}) as locked`)) as unknown as { locked: boolean }[];
    if (!lock?.locked) return [];
    const stuck = await listStuckTransactions(tx, {
      now,
      graceMs: input.graceMs,
      offlineBefore: new Date(now.getTime() - input.offlineMs),
      startedBefore: new Date(now.getTime() - input.maxSessionMs),
      limit: input.limit,
    });
    const closed: Transaction[] = [];
    for (const { transaction, reason, eventAt } of stuck) {
      const sample = await getLastEnergySample(tx, transaction.id);
      const meterStop = sample && sample.value >= transaction.meterStart ? sample.value : transaction.meterStart;
      const at = sample?.sampledAt ?? eventAt;
      const stoppedAt = at > transaction.startedAt ? at : transaction.startedAt;
      const row = await stopTransactionRow(tx, {
        id: transaction.id,
        stoppedAt,
        meterStop,
        stopReason: null,
        serverStopReason: `reconciled:${reason}`,
        needsReview: true,
        reviewNote: `${now.toISOString()} closed by reconciliation: ${REASON_TEXT[reason]}; stopped at ${sample ? 'the last meter sample' : 'meterStart (no meter sample)'}`,
      });
      if (row) closed.push(row);
    }
    return closed;
  });
}
