import type { Db } from '../db/client';
import { getStationSite } from '../db/queries/sites';
import { insertTransactionTariffSnapshot, listTransactionTariffSnapshots, type TransactionTariffSnapshot } from '../db/queries/transaction-costs';
import type { Transaction, TariffVersionRow } from '../db/schema';
import { resolveSessionTariff } from '../tariffs/resolve-tariff';
import type { PricingTransaction } from './transaction-timeline';

export type PricedTransaction = PricingTransaction & Pick<Transaction, 'idTag'>;
export type PricedSnapshot = TransactionTariffSnapshot & { version: TariffVersionRow; tariffName: string };
export type TariffForTransaction = { snapshot: PricedSnapshot } | { snapshot: null; code: string; message: string };

/**
 * Called when StartTransaction is recorded (same database transaction): fixes the station's site,
 * its time zone, the driver and the tariff version for the session's whole life. Stored even when no
 * tariff applies, so a later move of the station to another site cannot change the answer.
 */
export async function snapshotTransactionTariff(db: Db, transaction: PricedTransaction, now: Date): Promise<void> {
  const site = await getStationSite(db, transaction.stationId);
  const resolution = await resolveSessionTariff(db, { ...transaction, siteId: site?.id ?? null, at: transaction.startedAt });
  await insertTransactionTariffSnapshot(db, {
    transactionId: transaction.id,
    tariffVersionId: resolution.found ? resolution.candidate.version.id : null,
    assignmentId: resolution.found ? resolution.candidate.assignmentId : null,
    scope: resolution.found ? resolution.candidate.scope : null,
    siteId: site?.id ?? null,
    driverId: resolution.driverId,
    subscriptionId: resolution.subscriptionId,
    timeZone: site?.timeZone ?? 'UTC',
    resolvedAt: now,
  });
}

/**
 * The tariff version and time zone each transaction is priced with: its snapshot. A transaction
 * recorded before snapshots were taken at the start gets one at its first pricing, resolved from the
 * histories as of its start (with the station's site of now: the link had no history then). With
 * no tariff nothing is stored for those: the histories only grow forward, so the answer stays "none".
 */
export async function getTransactionTariffs(db: Db, transactions: PricedTransaction[], now: Date): Promise<Map<number, TariffForTransaction>> {
  const stored = await listTransactionTariffSnapshots(db, transactions.map((t) => t.id));
  const result = new Map<number, TariffForTransaction>();
  const resolvedNow: number[] = [];
  for (const transaction of transactions) {
    const snapshot = stored.get(transaction.id);
    if (snapshot?.version) {
      result.set(transaction.id, { snapshot: snapshot as PricedSnapshot });
      continue;
    }
    const siteId = snapshot ? snapshot.siteId : ((await getStationSite(db, transaction.stationId))?.id ?? null);
    const resolution = await resolveSessionTariff(db, { ...transaction, siteId, at: transaction.startedAt });
    if (!resolution.found || snapshot) {
      // A snapshot without a version: nothing applied at the start; the same resolution says why.
      const why = resolution.found ? { code: 'no_tariff', message: 'No tariff applied when the session started' } : resolution;
      result.set(transaction.id, { snapshot: null, code: why.code, message: why.message });
      continue;
    }
    await snapshotTransactionTariff(db, transaction, now);
    resolvedNow.push(transaction.id);
  }
  // Re-read what was stored: a concurrent first pricing may have stored its snapshot first.
  for (const [id, snapshot] of await listTransactionTariffSnapshots(db, resolvedNow)) result.set(id, { snapshot: snapshot as PricedSnapshot });
  return result;
}
