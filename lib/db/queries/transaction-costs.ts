import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { tariffs, tariffVersions, transactionTariffs, type TariffVersionRow, type TransactionTariffRow } from '../schema';

export type TransactionTariffSnapshot = TransactionTariffRow & { version: TariffVersionRow | null; tariffName: string | null };

/** The tariff snapshots of transactions (taken at StartTransaction, or at the first pricing of older ones). */
export async function listTransactionTariffSnapshots(db: Db, transactionIds: number[]): Promise<Map<number, TransactionTariffSnapshot>> {
  if (transactionIds.length === 0) return new Map();
  const rows = await db
    .select({ snapshot: transactionTariffs, version: tariffVersions, tariffName: tariffs.name })
    .from(transactionTariffs)
    .leftJoin(tariffVersions, eq(tariffVersions.id, transactionTariffs.tariffVersionId))
    .leftJoin(tariffs, eq(tariffs.id, tariffVersions.tariffId))
    .where(inArray(transactionTariffs.transactionId, transactionIds));
  return new Map(rows.map(({ snapshot, version, tariffName }) => [snapshot.transactionId, { ...snapshot, version, tariffName }]));
}

/** Stores a snapshot unless one exists (two first pricings at once: the first one wins). */
export async function insertTransactionTariffSnapshot(db: Db, row: typeof transactionTariffs.$inferInsert): Promise<void> {
  await db.insert(transactionTariffs).values(row).onConflictDoNothing({ target: transactionTariffs.transactionId });
}

export interface PricingSample {
  transactionId: number;
  at: Date;
  energyWh: number;
  /** Current.Import summed over the phases (or the total), A. */
  currentA: number | null;
}

/**
 * Energy register readings of transactions (Energy.Active.Import.Register in Wh, the total, not a
 * phase; not the EV's own meter), each with the current measured at the same instant.
 */
export async function listPricingSamples(db: Db, transactionIds: number[]): Promise<PricingSample[]> {
  if (transactionIds.length === 0) return [];
  const rows = await db.execute<{ transaction_id: number; at: string; energy_wh: number; current_a: number | null }>(sql`
    select transaction_id, sampled_at as at,
      max(value) filter (where measurand = 'Energy.Active.Import.Register') as energy_wh,
      coalesce(max(value) filter (where measurand = 'Current.Import' and phase is null),
        sum(value) filter (where measurand = 'Current.Import' and phase in ('L1', 'L2', 'L3'))) as current_a
    from meter_values
    where transaction_id in ${transactionIds} and value is not null and coalesce(location, 'Outlet') <> 'EV'
      and ((measurand = 'Energy.Active.Import.Register' and phase is null and unit = 'Wh') or (measurand = 'Current.Import' and unit = 'A'))
    group by transaction_id, sampled_at
    having max(value) filter (where measurand = 'Energy.Active.Import.Register') is not null
    order by transaction_id, sampled_at`);
  return rows.map((row) => ({
    transactionId: Number(row.transaction_id),
    at: new Date(row.at),
    energyWh: Number(row.energy_wh),
    currentA: row.current_a === null ? null : Number(row.current_a),
  }));
}

export interface StatusChange {
  transactionId: number;
  status: string;
  at: Date;
}

/**
 * The connector status history of each transaction's connector from the status in force at its
 * start until its stop (or now): where the EV stopped charging (SuspendedEV, Finishing).
 */
export async function listTransactionStatusChanges(db: Db, transactionIds: number[]): Promise<StatusChange[]> {
  if (transactionIds.length === 0) return [];
  const rows = await db.execute<{ transaction_id: number; status: string; at: string }>(sql`
    select t.id as transaction_id, h.status, h.at, h.id
    from transactions t
    join connector_status_history h on h.station_id = t.station_id and h.connector_id = t.connector_id
      and h.at > t.started_at and (t.stopped_at is null or h.at <= t.stopped_at)
    where t.id in ${transactionIds}
    union all
    select t.id, h.status, h.at, h.id
    from transactions t
    join lateral (
      select status, at, id from connector_status_history h
      where h.station_id = t.station_id and h.connector_id = t.connector_id and h.at <= t.started_at
      order by h.at desc, h.id desc limit 1
    ) h on true
    where t.id in ${transactionIds}
    order by 1, 3, 4`);
  return rows.map((row) => ({ transactionId: Number(row.transaction_id), status: row.status, at: new Date(row.at) }));
}
