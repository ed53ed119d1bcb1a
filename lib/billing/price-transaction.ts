import type { Db } from '../db/client';
import { getTransactionById } from '../db/queries/transactions';
import { listPricingSamples, listTransactionStatusChanges } from '../db/queries/transaction-costs';
import { priceSession } from '../pricing';
import { costView, type CostView } from './cost-view';
import { getTransactionTariffs, type PricedTransaction } from './transaction-tariff';
import { buildTransactionTimeline } from './transaction-timeline';

export type TransactionCost = { cost: CostView; costUnavailable: null } | { cost: null; costUnavailable: { code: string; message: string } };

const groupBy = <T extends { transactionId: number }>(rows: T[]) => {
  const groups = new Map<number, T[]>();
  for (const row of rows) groups.set(row.transactionId, [...(groups.get(row.transactionId) ?? []), row]);
  return groups;
};

/**
 * Prices transactions with their snapshot tariffs, in their site's time zone: the final cost of a
 * stopped one, the cost so far (up to `now`) of a running one. Three queries for any number of
 * transactions, plus a resolution for each one priced for the first time.
 */
export async function priceTransactions(db: Db, transactions: PricedTransaction[], options: { now?: Date } = {}): Promise<Map<number, TransactionCost>> {
  const now = options.now ?? new Date();
  const ids = transactions.map((t) => t.id);
  const [tariffs, samples, statuses] = await Promise.all([
    getTransactionTariffs(db, transactions, now),
    listPricingSamples(db, ids).then(groupBy),
    listTransactionStatusChanges(db, ids).then(groupBy),
  ]);
  const result = new Map<number, TransactionCost>();
  for (const transaction of transactions) {
    const tariff = tariffs.get(transaction.id)!;
    if (!tariff.snapshot) {
      result.set(transaction.id, { cost: null, costUnavailable: { code: tariff.code, message: tariff.message } });
      continue;
    }
    const timeline = buildTransactionTimeline(transaction, samples.get(transaction.id) ?? [], statuses.get(transaction.id) ?? [], tariff.snapshot.timeZone);
    if (timeline.stoppedAt && timeline.stoppedAt < timeline.startedAt) {
      result.set(transaction.id, { cost: null, costUnavailable: { code: 'invalid_timeline', message: 'The transaction stops before it starts (station clock)' } });
      continue;
    }
    // A station clock ahead of ours can start a session "in the future": nothing to price yet.
    const until = now < transaction.startedAt ? transaction.startedAt : now;
    const cost = priceSession(tariff.snapshot.version.tariff, timeline, { now: until });
    result.set(transaction.id, { cost: costView(cost, tariff.snapshot), costUnavailable: null });
  }
  return result;
}

export async function priceTransaction(db: Db, transaction: PricedTransaction, options: { now?: Date } = {}): Promise<TransactionCost> {
  return (await priceTransactions(db, [transaction], options)).get(transaction.id)!;
}

/** GET /api/v1/transactions/{id}: the transaction and its cost (or why it has none). */
export async function getTransactionWithCost(db: Db, id: number, options: { now?: Date } = {}) {
  const transaction = await getTransactionById(db, id);
  if (!transaction) return undefined;
  return { ...transaction, ...(await priceTransaction(db, transaction, options)) };
}
