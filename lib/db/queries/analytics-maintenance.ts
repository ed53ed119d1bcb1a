import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';

/** postgres-js binds strings, not Dates, inside raw sql templates. */
const iso = (at: Date) => at.toISOString();
import { transactionRevenue, uptimeExemptions } from '../schema';
import type { PricedTransaction } from '../../billing/transaction-tariff';
import { pricedTransactionFromRow, type PricedTransactionRow } from './priced-transaction-row';

const FIGURES = sql.raw(`observed_seconds, charging_seconds, idle_seconds, available_seconds, unavailable_seconds, faulted_seconds,
  offline_seconds, exempt_seconds, exempt_up_seconds, sessions_started, sessions_stopped, session_seconds, session_energy_wh`);
const SUMS = sql.raw(`sum(observed_seconds), sum(charging_seconds), sum(idle_seconds), sum(available_seconds), sum(unavailable_seconds),
  sum(faulted_seconds), sum(offline_seconds), sum(exempt_seconds), sum(exempt_up_seconds), sum(sessions_started), sum(sessions_stopped),
  sum(session_seconds), sum(session_energy_wh)`);

const OCCUPIED_BY_LOCAL_HOUR = sql.raw(
  Array.from({ length: 24 }, (_, hour) => `coalesce(sum(h.charging_seconds + h.idle_seconds) filter (where h.local_hour = ${hour}), 0)`).join(', '),
);

/** Each connector's local days (site time zone, UTC without a site) overlapping [from, to). */
const DAYS = (from: Date, to: Date) => sql`zones as (
      select c.station_id, c.connector_id, coalesce(s.time_zone, 'UTC') as tz from connectors c
      left join station_sites ss on ss.station_id = c.station_id left join sites s on s.id = ss.site_id
      where c.connector_id > 0
    ),
    days as (
      select z.station_id, z.connector_id, z.tz, d::date as day, d::timestamp at time zone z.tz as day_start,
        (d::date + 1)::timestamp at time zone z.tz as day_end
      from zones z cross join lateral generate_series((${iso(from)}::timestamptz at time zone z.tz)::date::timestamp,
        ((${iso(to)}::timestamptz - interval '1 microsecond') at time zone z.tz)::date::timestamp, interval '1 day') d
    )`;

/**
 * Re-aggregates the daily rollups of every local day (in the connector's site time zone, UTC without
 * a site) that overlaps [from, to) from the hourly ones. A local day is the hours whose start falls in
 * it: 23 or 25 of them on DST change days. Call inside a transaction, after the hourly buckets.
 */
export async function replaceDailyStats(db: Db, range: { from: Date; to: Date }): Promise<void> {
  const { from, to } = range;
  await db.execute(sql`
    with ${DAYS(from, to)}
    delete from connector_daily_stats x using days d where x.station_id = d.station_id and x.connector_id = d.connector_id and x.day = d.day`);
  // One pass over the hours: each hour's local hour is computed once and summed into its cell of occupied_by_hour.
  await db.execute(sql`
    with ${DAYS(from, to)}
    insert into connector_daily_stats (station_id, connector_id, day, day_start, day_end, time_zone, ${FIGURES},
      length_histogram, energy_wh, peak_power_w, faults, revenue_net, revenue_vat, revenue_gross, currency, occupied_by_hour)
    select d.station_id, d.connector_id, d.day, d.day_start, d.day_end, d.tz, ${SUMS},
      array[sum(h.length_histogram[1]), sum(h.length_histogram[2]), sum(h.length_histogram[3]), sum(h.length_histogram[4]),
        sum(h.length_histogram[5]), sum(h.length_histogram[6]), sum(h.length_histogram[7])]::int[],
      sum(energy_wh), max(peak_power_w), sum(faults), sum(revenue_net), sum(revenue_vat), sum(revenue_gross), max(currency),
      array[${OCCUPIED_BY_LOCAL_HOUR}]::int[]
    from days d cross join lateral (
      select h.*, extract(hour from h.hour_start at time zone d.tz)::int as local_hour from connector_hourly_stats h
      where h.station_id = d.station_id and h.connector_id = d.connector_id and h.hour_start >= d.day_start and h.hour_start < d.day_end
      -- offset 0: one primary-key range scan per day, never a join of every hour of the connector with every day
      offset 0) h
    group by 1, 2, 3, 4, 5, 6`);
}

/**
 * Fault episodes (entering Faulted until the next other status) that start in [from, to) are
 * replaced; open ones from before get their end once it is known.
 */
export async function replaceFaultEpisodes(db: Db, range: { from: Date; to: Date }): Promise<void> {
  const { from, to } = range;
  await db.execute(sql`delete from connector_fault_episodes where started_at >= ${iso(from)} and started_at < ${iso(to)}`);
  await db.execute(sql`
    insert into connector_fault_episodes (station_id, connector_id, started_at, ended_at, error_code, vendor_id, vendor_error_code)
    select distinct on (f.station_id, f.connector_id, f.at) f.station_id, f.connector_id, f.at,
      (select min(n.at) from connector_status_history n where n.station_id = f.station_id and n.connector_id = f.connector_id
        and n.at > f.at and n.status <> 'Faulted'), f.error_code, f.vendor_id, f.vendor_error_code
    from (
      select h.*, (select p.status from connector_status_history p where p.station_id = h.station_id and p.connector_id = h.connector_id
        and (p.at, p.id) < (h.at, h.id) order by p.at desc, p.id desc limit 1) as previous
      from connector_status_history h where h.at >= ${iso(from)} and h.at < ${iso(to)} and h.status = 'Faulted' and h.connector_id > 0
    ) f
    where f.previous is distinct from 'Faulted'
    order by f.station_id, f.connector_id, f.at, f.id`);
  await db.execute(sql`
    update connector_fault_episodes e set ended_at = (select min(n.at) from connector_status_history n
      where n.station_id = e.station_id and n.connector_id = e.connector_id and n.at > e.started_at and n.status <> 'Faulted')
    where e.ended_at is null and e.started_at < ${iso(from)}`);
}

/** Stopped transactions in [from, to) with no stored revenue yet (at most `limit`). */
export async function listUnpricedStoppedTransactions(db: Db, range: { from: Date; to: Date; afterId: number; limit: number }): Promise<PricedTransaction[]> {
  const rows = await db.execute<PricedTransactionRow>(sql`
    select t.id, t.station_id, t.connector_id, t.id_tag, t.started_at, t.stopped_at, t.meter_start, t.meter_stop from transactions t
    where t.stopped_at >= ${iso(range.from)} and t.stopped_at < ${iso(range.to)} and t.stopped_at >= t.started_at
      and not exists (select 1 from transaction_revenue r where r.transaction_id = t.id)
      and t.id > ${range.afterId}
    order by t.id limit ${range.limit}`);
  return rows.map(pricedTransactionFromRow);
}

export type TransactionRevenueRow = typeof transactionRevenue.$inferInsert;

export async function insertTransactionRevenue(db: Db, rows: TransactionRevenueRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(transactionRevenue).values(rows).onConflictDoNothing({ target: transactionRevenue.transactionId });
}

/** Where changes since the last refresh begin: the earliest instant touched by rows newer than the watermark. */
export async function findTouchedSince(db: Db, mark: { statusHistoryId: number; meterValueId: number; changedSince: Date }) {
  const [row] = await db.execute<{ earliest: string | null; status_id: string; meter_id: string }>(sql`
    select least(
      (select min(at) from connector_status_history where id > ${mark.statusHistoryId}),
      (select min(sampled_at) from meter_values where id > ${mark.meterValueId}),
      -- energy between two readings is spread over the hours between them: the previous reading's hour is touched too
      (select min((select max(p.sampled_at) from meter_values p where p.transaction_id = m.transaction_id
          and p.measurand = m.measurand and p.sampled_at < m.sampled_at))
        from meter_values m where m.id > ${mark.meterValueId} and m.measurand = 'Energy.Active.Import.Register' and m.transaction_id is not null),
      (select min(started_at) from transactions where updated_at >= ${iso(mark.changedSince)}),
      (select min(least(connected_at, disconnected_at)) from station_connections
        where connected_at >= ${iso(mark.changedSince)} or disconnected_at >= ${iso(mark.changedSince)}),
      (select min(starts_at) from uptime_exemptions where created_at >= ${iso(mark.changedSince)})
    ) as earliest,
    (select coalesce(max(id), 0) from connector_status_history) as status_id,
    (select coalesce(max(id), 0) from meter_values) as meter_id`);
  return { earliest: row?.earliest ? new Date(row.earliest) : null, statusHistoryId: Number(row?.status_id ?? 0), meterValueId: Number(row?.meter_id ?? 0) };
}

export async function insertUptimeExemption(db: Db, row: typeof uptimeExemptions.$inferInsert) {
  const [inserted] = await db.insert(uptimeExemptions).values(row).returning();
  return inserted!;
}

export async function deleteUptimeExemption(db: Db, id: string) {
  const [deleted] = await db.delete(uptimeExemptions).where(eq(uptimeExemptions.id, id)).returning();
  return deleted;
}

export async function listUptimeExemptions(db: Db, limit = 200) {
  return db.select().from(uptimeExemptions).orderBy(desc(uptimeExemptions.startsAt)).limit(limit);
}
