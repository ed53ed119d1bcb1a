import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import type { PricedTransaction } from '../../billing/transaction-tariff';
import { pricedTransactionFromRow, type PricedTransactionRow } from './priced-transaction-row';

/** Each station's site (null: none) and the start of today on that site's wall clock (UTC without a site). */
const stationDays = (now: Date) => sql`
  select s.id as station_id, si.id as site_id, si.name as site_name, coalesce(si.time_zone, 'UTC') as time_zone,
    date_trunc('day', ${now.toISOString()}::timestamptz at time zone coalesce(si.time_zone, 'UTC')) at time zone coalesce(si.time_zone, 'UTC') as midnight
  from stations s
  left join station_sites ss on ss.station_id = s.id
  left join sites si on si.id = ss.site_id`;

export interface SiteEnergyToday {
  siteId: string | null;
  siteName: string | null;
  timeZone: string;
  energyWh: number;
}

/**
 * Energy delivered since local midnight, per site (stations without a site: UTC). A session that
 * runs across midnight counts from its last register reading at or before midnight; a running
 * one up to its latest reading, a stopped one up to meterStop.
 */
export async function sumEnergyTodayBySite(db: Db, now: Date): Promise<SiteEnergyToday[]> {
  const rows = await db.execute<{ site_id: string | null; site_name: string | null; time_zone: string; energy_wh: number }>(sql`
    with days as (${stationDays(now)})
    select d.site_id, d.site_name, d.time_zone,
      coalesce(sum(greatest(
        coalesce(t.meter_stop, latest.value, t.meter_start)
          - case when t.started_at >= d.midnight then t.meter_start else coalesce(at_midnight.value, t.meter_start) end,
        0)), 0)::float8 as energy_wh
    from days d
    join transactions t on t.station_id = d.station_id
      and t.started_at <= ${now.toISOString()}::timestamptz and (t.stopped_at is null or t.stopped_at >= d.midnight)
    left join lateral (
      select m.value from meter_values m
      where t.meter_stop is null and m.transaction_id = t.id and m.measurand = 'Energy.Active.Import.Register' and m.phase is null
        and m.value is not null and m.sampled_at <= ${now.toISOString()}::timestamptz
      order by m.sampled_at desc limit 1
    ) latest on true
    left join lateral (
      select m.value from meter_values m
      where t.started_at < d.midnight and m.transaction_id = t.id and m.measurand = 'Energy.Active.Import.Register' and m.phase is null
        and m.value is not null and m.sampled_at <= d.midnight
      order by m.sampled_at desc limit 1
    ) at_midnight on true
    group by d.site_id, d.site_name, d.time_zone
    order by d.site_name nulls last`);
  return rows.map((row) => ({ siteId: row.site_id, siteName: row.site_name, timeZone: row.time_zone, energyWh: Number(row.energy_wh) }));
}

export type SiteTransaction = PricedTransaction & { siteId: string | null };

/** Sessions that stopped since their site's local midnight (UTC without a site), up to `now`. */
export async function listTransactionsStoppedToday(db: Db, now: Date): Promise<SiteTransaction[]> {
  const rows = await db.execute<PricedTransactionRow & { site_id: string | null }>(sql`
    with days as (${stationDays(now)})
    select t.id, t.station_id, t.connector_id, t.id_tag, t.started_at, t.stopped_at, t.meter_start, t.meter_stop, d.site_id
    from transactions t join days d on d.station_id = t.station_id
    where t.stopped_at >= d.midnight and t.stopped_at <= ${now.toISOString()}::timestamptz`);
  return rows.map((row) => ({ ...pricedTransactionFromRow(row), siteId: row.site_id }));
}
