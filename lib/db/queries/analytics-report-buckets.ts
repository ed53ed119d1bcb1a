import { sql, type SQL } from 'drizzle-orm';

const iso = (at: Date) => at.toISOString();

export interface ReportFilter {
  /** Whole UTC hours (the rollups' resolution): from inclusive, to exclusive. */
  from: Date;
  to: Date;
  siteId?: string;
  stationId?: string;
  vendor?: string;
  model?: string;
  /** Revenue only: other figures are per connector, not per tariff. */
  tariffId?: string;
}

/** The stations the filter selects, with their site and time zone. */
export const scope = (f: ReportFilter): SQL => sql`scope as (
  select st.id as station_id, coalesce(s.time_zone, 'UTC') as tz, s.id as site_id, s.name as site_name,
    st.vendor, st.model, st.firmware_version
  from stations st left join station_sites ss on ss.station_id = st.id left join sites s on s.id = ss.site_id
  where true ${f.siteId ? sql`and s.id = ${f.siteId}` : sql``} ${f.stationId ? sql`and st.id = ${f.stationId}` : sql``}
    ${f.vendor ? sql`and st.vendor = ${f.vendor}` : sql``} ${f.model ? sql`and st.model = ${f.model}` : sql``})`;

/**
 * Per time zone of the scope, as instants: the local days wholly inside [from, to) are [d_from, d_to),
 * the local months wholly inside it [m_from, m_to) (both empty ranges where there are none: then
 * m_from = m_to = d_to, and d_from = d_to). A local day or month starts at its first midnight
 * (`day::timestamp at time zone tz`), as the daily and monthly rows do.
 */
export const bounds = (f: ReportFilter): SQL => sql`local_trunc as (
    select z.tz, date_trunc('day', ${iso(f.from)}::timestamptz at time zone z.tz) as fd, date_trunc('month', ${iso(f.from)}::timestamptz at time zone z.tz) as fm,
      date_trunc('day', ${iso(f.to)}::timestamptz at time zone z.tz) as td, date_trunc('month', ${iso(f.to)}::timestamptz at time zone z.tz) as tm
    from (select distinct tz from scope) z
  ),
  raw_bounds as (
    select tz,
      case when fd at time zone tz >= ${iso(f.from)} then fd at time zone tz else (fd + interval '1 day') at time zone tz end as d_from,
      case when td at time zone tz <= ${iso(f.to)} then td at time zone tz else (td - interval '1 day') at time zone tz end as d_to,
      case when fm at time zone tz >= ${iso(f.from)} then fm at time zone tz else (fm + interval '1 month') at time zone tz end as m_from,
      case when tm at time zone tz <= ${iso(f.to)} then tm at time zone tz else (tm - interval '1 month') at time zone tz end as m_to
    from local_trunc
  ),
  bounds as (
    select tz, d_from, greatest(d_from, d_to) as d_to,
      case when m_from < m_to then m_from else greatest(d_from, d_to) end as m_from,
      case when m_from < m_to then m_to else greatest(d_from, d_to) end as m_to
    from raw_bounds
  )`;

/**
 * The rollup rows covering [from, to) exactly once: monthly rows of the local months wholly inside it,
 * daily rows of the other local days wholly inside it (within a month of either end), hourly rows for
 * the rest (within a day of either end). A year reads 12 monthly rows per connector plus the ends.
 * Each piece is an index range scan bounded by the widest zone's bounds, then cut per zone.
 */
export const buckets = (f: ReportFilter, columns: SQL): SQL => sql`${bucketRows(f)},
  stats as (
    select ${columns} from month_rows union all select ${columns} from day_rows union all select ${columns} from hour_rows
  )`;

/** month_rows, day_rows and hour_rows of {@link buckets} without their union (each read once, so inlined, not materialized). */
export const bucketRows = (f: ReportFilter): SQL => sql`${scope(f)},
  ${bounds(f)},
  month_rows as (
    select m.*, scope.tz from connector_monthly_stats m join scope using (station_id)
    where m.month_start >= ${iso(f.from)} and m.month_end <= ${iso(f.to)}
  ),
  day_rows as (
    select d.*, b.tz from connector_daily_stats d join scope using (station_id) join bounds b using (tz)
    where d.day_start >= ${iso(f.from)} and d.day_start < (select max(m_from) from bounds) and d.day_start >= b.d_from and d.day_start < b.m_from
    union all
    select d.*, b.tz from connector_daily_stats d join scope using (station_id) join bounds b using (tz)
    where d.day_start >= (select min(m_to) from bounds) and d.day_start < ${iso(f.to)} and d.day_start >= b.m_to and d.day_start < b.d_to
  ),
  hour_rows as (
    select h.*, b.tz from connector_hourly_stats h join scope using (station_id) join bounds b using (tz)
    where h.hour_start >= ${iso(f.from)} and h.hour_start < least(${iso(f.to)}::timestamptz, (select max(d_from) from bounds)) and h.hour_start < b.d_from
    union all
    select h.*, b.tz from connector_hourly_stats h join scope using (station_id) join bounds b using (tz)
    where h.hour_start >= greatest(${iso(f.from)}::timestamptz, (select min(d_to) from bounds)) and h.hour_start < ${iso(f.to)} and h.hour_start >= b.d_to
  )`;

/**
 * Uptime's port-months cover the local days from the one containing `from` up to the one containing
 * `to` (exclusive): per zone, monthly rows for the months wholly inside and daily rows for the rest.
 */
export const uptimeBuckets = (f: ReportFilter): SQL => sql`${scope(f)},
  local_days as (
    select z.tz, (${iso(f.from)}::timestamptz at time zone z.tz)::date as df,
      greatest((${iso(f.from)}::timestamptz at time zone z.tz)::date, (${iso(f.to)}::timestamptz at time zone z.tz)::date) as dt
    from (select distinct tz from scope) z
  ),
  month_bounds as (
    select tz, df, dt, case when mf < mt then mf else dt end as mf, case when mf < mt then mt else dt end as mt
    from (select *, (case when date_trunc('month', df) = df then df else date_trunc('month', df) + interval '1 month' end)::date as mf,
      date_trunc('month', dt)::date as mt from local_days) x
  ),
  uptime_rows as (
    select m.station_id, m.connector_id, m.month, m.observed_seconds, m.charging_seconds, m.idle_seconds, m.available_seconds,
      m.exempt_seconds, m.exempt_up_seconds
    from connector_monthly_stats m join scope using (station_id) join month_bounds b using (tz)
    where m.month_start >= ${iso(f.from)}::timestamptz - interval '2 days' and m.month_start < ${iso(f.to)}::timestamptz + interval '2 days'
      and m.month >= b.mf and m.month < b.mt
    union all
    select d.station_id, d.connector_id, date_trunc('month', d.day)::date, d.observed_seconds, d.charging_seconds, d.idle_seconds,
      d.available_seconds, d.exempt_seconds, d.exempt_up_seconds
    from connector_daily_stats d join scope using (station_id) join month_bounds b using (tz)
    where d.day_start >= ${iso(f.from)}::timestamptz - interval '2 days'
      and d.day_start < ((select max(mf) from month_bounds)::timestamp + interval '2 days') at time zone 'UTC'
      and d.day >= b.df and d.day < b.mf
    union all
    select d.station_id, d.connector_id, date_trunc('month', d.day)::date, d.observed_seconds, d.charging_seconds, d.idle_seconds,
      d.available_seconds, d.exempt_seconds, d.exempt_up_seconds
    from connector_daily_stats d join scope using (station_id) join month_bounds b using (tz)
    where d.day_start >= ((select min(mt) from month_bounds)::timestamp - interval '2 days') at time zone 'UTC'
      and d.day_start < ${iso(f.to)}::timestamptz + interval '2 days'
      and d.day >= b.mt and d.day < b.dt
  )`;
