import type { Db } from '../db/client';
import { getStationSite } from '../db/queries/sites';
import { insertTransactionTariffSnapshot, listTransactionTariffSnapshots, type TransactionTariffSnapshot } from '../db/queries/transaction-costs';
import { resolveTariffAt } from '../tariffs/resolve-tariff';
import type { PricingTransaction } from './transaction-timeline';

export type TariffForTransaction = { snapshot: TransactionTariffSnapshot } | { snapshot: null; code: string; message: string };

/**
 * The tariff version and time zone each transaction is priced with. The first pricing resolves them
 * from the histories as of the transaction's start and stores them (transaction_tariffs); every
 * later pricing reads the stored snapshot, so edits and reassignments never change its cost. With no
 * tariff nothing is stored: the histories only grow forward, so the answer stays "none".
 */
export async function getTransactionTariffs(db: Db, transactions: PricingTransaction[], now: Date): Promise<Map<number, TariffForTransaction>> {
  const ids = transactions.map((t) => t.id);
  const stored = await listTransactionTariffSnapshots(db, ids);
  const result = new Map<number, TariffForTransaction>();
  const resolvedNow: number[] = [];
  for (const transaction of transactions) {
    const snapshot = stored.get(transaction.id);
    if (snapshot) {
      result.set(transaction.id, { snapshot });
      continue;
    }
    const site = await getStationSite(db, transaction.stationId);
    const resolution = await resolveTariffAt(db, { stationId: transaction.stationId, connectorId: transaction.connectorId, siteId: site?.id ?? null, at: transaction.startedAt });
    if (!resolution.found) {
      result.set(transaction.id, { snapshot: null, code: resolution.code, message: resolution.message });
      continue;
    }
    const { candidate } = resolution;
    await insertTransactionTariffSnapshot(db, {
      transactionId: transaction.id,
      tariffVersionId: candidate.version.id,
      assignmentId: candidate.assignmentId,
      scope: candidate.scope,
      timeZone: site?.timeZone ?? 'UTC',
      resolvedAt: now,
    });
    resolvedNow.push(transaction.id);
  }
  // Re-read what was stored: a concurrent first pricing may have stored its snapshot first.
  for (const [id, snapshot] of await listTransactionTariffSnapshots(db, resolvedNow)) result.set(id, { snapshot });
  return result;
}
