import { sql } from 'drizzle-orm';
import type { Db } from '../client';

/** postgres-js binds strings, not Dates, inside raw sql templates. */
const iso = (at: Date) => at.toISOString();

const FIGURES = sql.raw(`observed_seconds, charging_seconds, idle_seconds, available_seconds, unavailable_seconds, faulted_seconds,
  offline_seconds, exempt_seconds, exempt_up_seconds, sessions_started, sessions_stopped, session_seconds, session_energy_wh`);
const SUMS = sql.raw(`sum(d.observed_seconds), sum(d.charging_seconds), sum(d.idle_seconds), sum(d.available_seconds), sum(d.unavailable_seconds),
  sum(d.faulted_seconds), sum(d.offline_seconds), sum(d.exempt_seconds), sum(d.exempt_up_seconds), sum(d.sessions_started), sum(d.sessions_stopped),
  sum(d.session_seconds), sum(d.session_energy_wh)`);

/** The heatmap counts only days with observed time (as the report over daily rows does). */
const WEEKDAY_HOUR_SUMS = sql.raw(
  Array.from({ length: 7 * 24 }, (_, i) => `coalesce(sum(d.occupied_by_hour[${(i % 24) + 1}]) filter (where d.observed_weekday = ${Math.floor(i / 24) + 1}), 0)`).join(',\n'),
);
const WEEKDAY_DAYS = sql.raw(Array.from({ length: 7 }, (_, w) => `count(*) filter (where d.observed_weekday = ${w + 1})`).join(', '));

const STATION_CELL_SUMS = sql.raw(Array.from({ length: 7 * 24 }, (_, i) => `sum(c.occupied_by_weekday_hour[${i + 1}])`).join(', '));
const STATION_DAY_SUMS = sql.raw(Array.from({ length: 7 }, (_, w) => `sum(c.observed_days_by_weekday[${w + 1}])`).join(', '));

/** Each connector's local months (site time zone, UTC without a site) overlapping [from, to). */
const MONTHS = (from: Date, to: Date) => sql`zones as (
      select c.station_id, c.connector_id, coalesce(s.time_zone, 'UTC') as tz from connectors c
      left join station_sites ss on ss.station_id = c.station_id left join sites s on s.id = ss.site_id
      where c.connector_id > 0
    ),
    months as (
      select z.station_id, z.connector_id, z.tz, m::date as month, m::timestamp at time zone z.tz as month_start,
        (m + interval '1 month')::timestamp at time zone z.tz as month_end
      from zones z cross join lateral generate_series(date_trunc('month', ${iso(from)}::timestamptz at time zone z.tz),
        date_trunc('month', (${iso(to)}::timestamptz - interval '1 microsecond') at time zone z.tz), interval '1 month') m
    )`;

/**
 * Re-sums the monthly rollups of every local month that overlaps [from, to) from the daily ones (a
 * month's first day_start to the next month's), then their heatmaps per station. Call inside a
 * transaction, after the daily rows.
 */
export async function replaceMonthlyStats(db: Db, range: { from: Date; to: Date }): Promise<void> {
  const { from, to } = range;
  await db.execute(sql`
    with ${MONTHS(from, to)}
    delete from connector_monthly_stats x using months m where x.station_id = m.station_id and x.connector_id = m.connector_id and x.month = m.month`);
  await db.execute(sql`
    with ${MONTHS(from, to)}
    insert into connector_monthly_stats (station_id, connector_id, month, month_start, month_end, time_zone, ${FIGURES},
      length_histogram, energy_wh, peak_power_w, faults, revenue_net, revenue_vat, revenue_gross, currency,
      occupied_by_weekday_hour, observed_days_by_weekday)
    select m.station_id, m.connector_id, m.month, m.month_start, m.month_end, m.tz, ${SUMS},
      array[sum(d.length_histogram[1]), sum(d.length_histogram[2]), sum(d.length_histogram[3]), sum(d.length_histogram[4]),
        sum(d.length_histogram[5]), sum(d.length_histogram[6]), sum(d.length_histogram[7])]::int[],
      sum(d.energy_wh), max(d.peak_power_w), sum(d.faults), sum(d.revenue_net), sum(d.revenue_vat), sum(d.revenue_gross), max(d.currency),
      array[${WEEKDAY_HOUR_SUMS}]::int[], array[${WEEKDAY_DAYS}]::int[]
    from months m cross join lateral (
      -- the weekday once per day, not in each of the 175 filters; one primary-key range scan per connector-month
      -- (offset 0 keeps the planner from flattening it into a scan of every day of the connector)
      select d.*, case when d.observed_seconds > 0 then extract(isodow from d.day)::int end as observed_weekday
      from connector_daily_stats d where d.station_id = m.station_id and d.connector_id = m.connector_id
        and d.day >= m.month and d.day < (m.month + interval '1 month')::date offset 0) d
    group by 1, 2, 3, 4, 5, 6`);
  await db.execute(sql`
    with ${MONTHS(from, to)}
    delete from station_monthly_heatmap x using months m where x.station_id = m.station_id and x.month = m.month`);
  await db.execute(sql`
    with ${MONTHS(from, to)}
    insert into station_monthly_heatmap (station_id, month, month_start, month_end, time_zone, occupied_by_weekday_hour, observed_days_by_weekday)
    select c.station_id, c.month, c.month_start, c.month_end, c.time_zone, array[${STATION_CELL_SUMS}]::int[], array[${STATION_DAY_SUMS}]::int[]
    from connector_monthly_stats c join (select distinct station_id, month from months) m using (station_id, month)
    group by 1, 2, 3, 4, 5`);
}

/**
 * Months (and their per-station heatmaps) are newer than the daily rows: fills them in once where daily
 * rows exist but no monthly ones, or no station heatmaps.
 */
export async function findMissingMonthlyRange(db: Db): Promise<{ from: Date; to: Date } | null> {
  const [row] = await db.execute<{ from: string | null; to: string | null }>(sql`
    select min(day_start) as "from", max(day_end) as "to" from connector_daily_stats
    where not exists (select 1 from connector_monthly_stats) or not exists (select 1 from station_monthly_heatmap)`);
  return row?.from && row.to ? { from: new Date(row.from), to: new Date(row.to) } : null;
}
