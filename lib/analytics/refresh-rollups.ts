import type { Db } from '../db/client';
import { allowLargeSorts, findFirstRollupInstant, replaceHourlyStats } from '../db/queries/analytics-rollups';
import { insertTransactionRevenue, listUnpricedStoppedTransactions, replaceDailyStats, replaceFaultEpisodes } from '../db/queries/analytics-maintenance';
import { replaceMonthlyStats } from '../db/queries/analytics-monthly-rollups';
import { listPaymentMethods, replaceMonthlyRevenue } from '../db/queries/analytics-revenue';
import { priceTransactions } from '../billing/price-transaction';

const HOUR = 3_600_000;
export const floorHour = (at: Date) => new Date(Math.floor(at.getTime() / HOUR) * HOUR);
export const ceilHour = (at: Date) => new Date(Math.ceil(at.getTime() / HOUR) * HOUR);

/** Stores the final cost (and payment method) of stopped, priced transactions in [from, to) that have none yet. */
export async function storeTransactionRevenue(db: Db, range: { from: Date; to: Date; now: Date }): Promise<number> {
  let stored = 0;
  for (let afterId = 0; ; ) {
    const batch = await listUnpricedStoppedTransactions(db, { from: range.from, to: range.to, afterId, limit: 500 });
    if (batch.length === 0) return stored;
    afterId = batch[batch.length - 1]!.id;
    const costs = await priceTransactions(db, batch, { now: range.now });
    const methods = await listPaymentMethods(db, batch.map((transaction) => transaction.id));
    const rows = batch.flatMap((transaction) => {
      const cost = costs.get(transaction.id)?.cost;
      if (!cost || !cost.isFinal) return [];
      return [{
        transactionId: transaction.id,
        stationId: transaction.stationId,
        connectorId: transaction.connectorId,
        stoppedAt: transaction.stoppedAt!,
        tariffId: cost.tariff.id,
        tariffName: cost.tariff.name,
        currency: cost.currency,
        net: cost.net,
        vat: cost.vat,
        gross: cost.gross,
        paymentMethod: methods.get(transaction.id) ?? null,
        pricedAt: range.now,
      }];
    });
    await insertTransactionRevenue(db, rows);
    // Transactions with no tariff stay unpriced (and are looked at again by the next refresh of their hour).
    stored += rows.length;
  }
}

/**
 * Recomputes the rollups of every UTC hour that overlaps [from, to), and the local days and months
 * containing them, in one transaction: delete + insert per bucket, so it is idempotent and concurrent readers
 * see the old or the new figures, never half.
 */
export async function refreshRollups(db: Db, range: { from: Date; to: Date; now?: Date; rebuild?: boolean }): Promise<{ hours: number; rows: number }> {
  const now = range.now ?? new Date();
  const from = floorHour(range.from);
  const to = ceilHour(range.to);
  if (to <= from) return { hours: 0, rows: 0 };
  await storeTransactionRevenue(db, { from, to, now });
  const rows = await db.transaction(async (tx) => {
    // A rebuild sorts and groups a year of hours at once: room for it in memory rather than on disk.
    if (range.rebuild) await allowLargeSorts(tx);
    const count = await replaceHourlyStats(tx, { from, to, now });
    await replaceDailyStats(tx, { from, to });
    await replaceMonthlyStats(tx, { from, to });
    await replaceFaultEpisodes(tx, { from, to });
    await replaceMonthlyRevenue(tx, { from, to });
    return count;
  });
  return { hours: (to.getTime() - from.getTime()) / HOUR, rows };
}

/**
 * Everything from the first status, connection or transaction until now, set-based: each level (hours,
 * local days, local months, fault episodes, monthly revenue) in one statement over the whole range,
 * in one transaction (readers see the old rollups until it commits).
 */
export async function rebuildRollups(db: Db, options: { now?: Date } = {}): Promise<{ hours: number; rows: number }> {
  const now = options.now ?? new Date();
  const first = await findFirstRollupInstant(db);
  if (!first) return { hours: 0, rows: 0 };
  return refreshRollups(db, { from: first, to: now, now, rebuild: true });
}
