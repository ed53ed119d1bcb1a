import type { Db } from '@/lib/db/client';
import type { Bus } from '@/lib/bus/bus';
import { settleStoppedTransaction } from '@/lib/billing/settle-transaction';
import { reconcileStuckTransactions, type ReconcileLimits } from '@/lib/transactions/reconcile-stuck-transactions';
import type { ScheduledTask } from './scheduler';

/**
 * Closes the open transactions that can no longer end normally (one node at a time), then settles
 * each like a StopTransaction does (invoice, wallet debit) and announces it on the bus.
 */
export async function runReconciliation(db: Db, bus: Bus, input: ReconcileLimits & { now: Date }): Promise<number[]> {
  const closed = await reconcileStuckTransactions(db, input);
  for (const transaction of closed) {
    bus.publish({ kind: 'transaction.stopped', stationId: transaction.stationId, transactionId: transaction.id });
    await settleStoppedTransaction(db, transaction.id, input.now).catch((error: unknown) =>
      console.error(`[ocpp] invoicing reconciled transaction ${transaction.id} failed:`, error),
    );
  }
  return closed.map((transaction) => transaction.id);
}

export function reconcileTask(db: Db, bus: Bus, input: ReconcileLimits & { everyMs: number }): ScheduledTask {
  return {
    name: 'reconcile stuck transactions',
    everyMs: input.everyMs,
    async run() {
      await runReconciliation(db, bus, { ...input, now: new Date() });
    },
  };
}
