import { sql, type SQL } from 'drizzle-orm';

const iso = (at: Date) => at.toISOString();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

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
      case when tm at time zone tz <= ${iso(f.to)} then tm at time zone tz else (tm - interval '1 month') at time zone tz end as m_to,
      -- the local month and day containing from (their starts), and the ends of those containing to
      case when fm at time zone tz <= ${iso(f.from)} then fm at time zone tz else (fm - interval '1 month') at time zone tz end as sm,
      case when fd at time zone tz <= ${iso(f.from)} then fd at time zone tz else (fd - interval '1 day') at time zone tz end as fl_day,
      case when tm at time zone tz <= ${iso(f.to)} then (tm + interval '1 month') at time zone tz else tm at time zone tz end as em_end,
      case when td at time zone tz >= ${iso(f.to)} then td at time zone tz else (td + interval '1 day') at time zone tz end as cl_day
    from local_trunc
  ),
  bounds as (
    select tz, d_from, greatest(d_from, d_to) as d_to,
      case when m_from < m_to then m_from else greatest(d_from, d_to) end as m_from,
      case when m_from < m_to then m_to else greatest(d_from, d_to) end as m_to,
      sm, fl_day, em_end, cl_day
    from raw_bounds
  )`;

/**
 * How a partial local month at either end of the range is read. `hour`: if the part of that month
 * outside the range is the shorter one, the month's row is read and its outside part subtracted (its
 * whole local days from daily rows, the rest from hourly rows; sign −1), so a UTC-aligned year in a
 * zone a few hours off UTC reads 12 monthly rows and a few hours per connector instead of a month of
 * days and a day of hours; exact for sums (not for maxima: see peak in sumConnectorStats). `day`: the
 * same with whole days only (the partial edge day is subtracted as a day and its inside hours added), exact
 * for the heatmap's day counts too.
 */
export type EdgeMode = 'hour' | 'day';

/**
 * Per time zone of the scope, the spans of rollup rows covering [from, to) exactly once, with a sign:
 * `level` month/day/hour, `side` start/end (monthly rows have side 'month'), [lo, hi) on the rows'
 * start instants. Months are also bounded by their end (month_end <= hi).
 */
export const spans = (f: ReportFilter, mode: EdgeMode): SQL => sql`${bounds(f)},
  edges as (
    select b.*,
      b.m_from < b.m_to and b.sm < ${iso(f.from)}::timestamptz and ${iso(f.from)}::timestamptz - b.sm < b.m_from - ${iso(f.from)}::timestamptz as cs,
      b.m_from < b.m_to and b.em_end > ${iso(f.to)}::timestamptz and b.em_end - ${iso(f.to)}::timestamptz < ${iso(f.to)}::timestamptz - b.m_to as ce
    from bounds b
  ),
  spans as (
    select e.tz, s.level, s.side, s.lo, s.hi, s.sign, e.cs, e.ce from edges e cross join lateral (values
      ('month', 'month', case when e.cs then e.sm else e.m_from end, case when e.ce then e.em_end else e.m_to end, 1),
      ${mode === 'day'
        ? sql`('day', 'start', case when e.cs then e.sm else e.d_from end, case when e.cs then e.d_from else e.m_from end, case when e.cs then -1 else 1 end),
      ('hour', 'start', ${iso(f.from)}::timestamptz, least(e.d_from, ${iso(f.to)}::timestamptz), 1),
      ('day', 'end', case when e.ce then e.d_to else e.m_to end, case when e.ce then e.em_end else e.d_to end, case when e.ce then -1 else 1 end),
      ('hour', 'end', e.d_to, ${iso(f.to)}::timestamptz, 1)`
        : sql`('day', 'start', case when e.cs then e.sm else e.d_from end, case when e.cs then e.fl_day else e.m_from end, case when e.cs then -1 else 1 end),
      ('hour', 'start', case when e.cs then e.fl_day else ${iso(f.from)}::timestamptz end, case when e.cs then ${iso(f.from)}::timestamptz else least(e.d_from, ${iso(f.to)}::timestamptz) end, case when e.cs then -1 else 1 end),
      ('day', 'end', case when e.ce then e.cl_day else e.m_to end, case when e.ce then e.em_end else e.d_to end, case when e.ce then -1 else 1 end),
      ('hour', 'end', case when e.ce then ${iso(f.to)}::timestamptz else e.d_to end, case when e.ce then e.cl_day else ${iso(f.to)}::timestamptz end, case when e.ce then -1 else 1 end)`}
    ) s(level, side, lo, hi, sign)
    where s.lo < s.hi
  )`;

/**
 * The rollup rows covering [from, to) exactly once (see spans), each with its `sign` and `side`: monthly rows of the local months
 * wholly inside it, daily rows of the other local days wholly inside it (within a month of either end), hourly rows for
 * the rest (within a day of either end), or a partial month's row less its outside part (EdgeMode).
 * Each piece is an index range scan bounded by the widest zone's span, then cut per zone.
 */
export const buckets = (f: ReportFilter, columns: SQL, mode: EdgeMode = 'hour'): SQL => sql`${bucketRows(f, mode)},
  stats as (
    select ${columns}, sign, side from month_rows union all select ${columns}, sign, side from day_rows union all select ${columns}, sign, side from hour_rows
  )`;

/**
 * One side's rows of a level: a materialized range scan of the rollup table's start index between the
 * side's widest bounds (a few rows: without it the planner probes every station's rows), then cut per zone.
 */
const scanCte = (table: string, start: string, level: 'day' | 'hour', side: 'start' | 'end'): SQL => sql`${sql.raw(`${level}_${side}_scan`)} as materialized (
    select * from ${sql.raw(table)}
    where ${sql.raw(start)} >= (select min(lo) from spans where level = ${level} and side = ${side})
      and ${sql.raw(start)} < (select max(hi) from spans where level = ${level} and side = ${side})
  )`;

const spanRows = (start: string, level: 'day' | 'hour', side: 'start' | 'end'): SQL => sql`
    select r.*, s.tz, s.sign, s.level, s.side from ${sql.raw(`${level}_${side}_scan`)} r join scope using (station_id)
    join spans s on s.tz = scope.tz and s.level = ${level} and s.side = ${side}
    where r.${sql.raw(start)} >= s.lo and r.${sql.raw(start)} < s.hi`;

/** month_rows, day_rows and hour_rows of {@link buckets} without their union (each read once, so inlined, not materialized). */
export const bucketRows = (f: ReportFilter, mode: EdgeMode = 'hour'): SQL => sql`${scope(f)},
  ${spans(f, mode)},
  month_rows as (
    -- side: 'start'/'end' for the month whose outside part the spans of that side subtract, else 'month'
    select m.*, s.tz, s.sign, s.level,
      case when s.cs and m.month_start = s.lo then 'start' when s.ce and m.month_end = s.hi then 'end' else 'month' end as side
    from connector_monthly_stats m join scope using (station_id) join spans s on s.tz = scope.tz and s.level = 'month'
    where ${monthWindow(f, 'm')} and m.month_start >= s.lo and m.month_end <= s.hi
  ),
  ${scanCte('connector_daily_stats', 'day_start', 'day', 'start')},
  ${scanCte('connector_daily_stats', 'day_start', 'day', 'end')},
  ${scanCte('connector_hourly_stats', 'hour_start', 'hour', 'start')},
  ${scanCte('connector_hourly_stats', 'hour_start', 'hour', 'end')},
  day_rows as (${spanRows('day_start', 'day', 'start')}
    union all ${spanRows('day_start', 'day', 'end')}
  ),
  hour_rows as (${spanRows('hour_start', 'hour', 'start')}
    union all ${spanRows('hour_start', 'hour', 'end')}
  )`;

/** Monthly rows (`alias`) a month's spans may take: those starting within 32 days of the range. */
export const monthWindow = (f: ReportFilter, alias: string): SQL =>
  sql`${sql.raw(alias)}.month_start >= ${iso(new Date(f.from.getTime() - 32 * DAY))} and ${sql.raw(alias)}.month_start < ${iso(new Date(f.to.getTime() + 32 * DAY))}`;

/**
 * Uptime's port-months cover the local days from the one containing `from` up to the one containing
 * `to` (exclusive): per zone, monthly rows for the months wholly inside and daily rows for the rest, or
 * (cs/ce) a partial month's row less its outside days, with `sign` −1 on those.
 */
export const uptimeBuckets = (f: ReportFilter): SQL => sql`${scope(f)},
  local_days as (
    select z.tz, (${iso(f.from)}::timestamptz at time zone z.tz)::date as df,
      greatest((${iso(f.from)}::timestamptz at time zone z.tz)::date, (${iso(f.to)}::timestamptz at time zone z.tz)::date) as dt
    from (select distinct tz from scope) z
  ),
  month_bounds as (
    -- cs/ce: a partial month at the start/end is read as its monthly row less its outside days when those are fewer
    select *, mf < mt and df > ms and df - ms < mf - df as cs, mf < mt and dt > mt and mt_next - dt < dt - mt as ce from (
      select tz, df, dt, ms, case when mf < mt then mf else dt end as mf, case when mf < mt then mt else dt end as mt,
        (date_trunc('month', dt) + interval '1 month')::date as mt_next
      from (select *, (case when date_trunc('month', df) = df then df else date_trunc('month', df) + interval '1 month' end)::date as mf,
        date_trunc('month', dt)::date as mt, date_trunc('month', df)::date as ms from local_days) x
    ) y
  ),
  uptime_rows as (
    select m.station_id, m.connector_id, m.month, 1 as sign,
      -- a partial month read whole: its inside days (to check that it has any, as the daily rows would)
      case when b.cs and m.month = b.ms then b.df when b.ce and m.month = b.mt then b.mt end as inside_from,
      case when b.cs and m.month = b.ms then b.mf when b.ce and m.month = b.mt then b.dt end as inside_to, m.observed_seconds, m.charging_seconds, m.idle_seconds, m.available_seconds,
      m.exempt_seconds, m.exempt_up_seconds
    from connector_monthly_stats m join scope using (station_id) join month_bounds b using (tz)
    where m.month_start >= ${iso(f.from)}::timestamptz - interval '32 days' and m.month_start < ${iso(f.to)}::timestamptz + interval '2 days'
      and m.month >= case when b.cs then b.ms else b.mf end and m.month < case when b.ce then b.mt_next else b.mt end
    union all
    select d.station_id, d.connector_id, date_trunc('month', d.day)::date, case when b.cs then -1 else 1 end, null, null, d.observed_seconds, d.charging_seconds,
      d.idle_seconds, d.available_seconds, d.exempt_seconds, d.exempt_up_seconds
    from connector_daily_stats d join scope using (station_id) join month_bounds b using (tz)
    where d.day_start >= ${iso(f.from)}::timestamptz - interval '32 days'
      and d.day_start < ((select max(mf) from month_bounds)::timestamp + interval '2 days') at time zone 'UTC'
      and d.day >= case when b.cs then b.ms else b.df end and d.day < case when b.cs then b.df else b.mf end
    union all
    select d.station_id, d.connector_id, date_trunc('month', d.day)::date, case when b.ce then -1 else 1 end, null, null, d.observed_seconds, d.charging_seconds,
      d.idle_seconds, d.available_seconds, d.exempt_seconds, d.exempt_up_seconds
    from connector_daily_stats d join scope using (station_id) join month_bounds b using (tz)
    where d.day_start >= ((select min(mt) from month_bounds)::timestamp - interval '2 days') at time zone 'UTC'
      and d.day_start < ${iso(f.to)}::timestamptz + interval '32 days'
      and d.day >= case when b.ce then b.dt else b.mt end and d.day < case when b.ce then b.mt_next else b.dt end
  )`;
