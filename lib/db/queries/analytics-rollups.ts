import { sql } from 'drizzle-orm';
import type { Db } from '../client';

/** postgres-js binds strings, not Dates, inside raw sql templates. */
const iso = (at: Date) => at.toISOString();

export interface HourRange {
  /** Whole UTC hours: from inclusive, to exclusive. */
  from: Date;
  to: Date;
  /** Open intervals (current status, open connection) end here. */
  now: Date;
}

/**
 * OCPP 1.6 §7.7 ChargePointStatus → the state a rollup counts. Occupied without drawing energy
 * (Preparing, SuspendedEV/EVSE, Finishing) and Reserved are "idle": the port is taken but not charging.
 */
const STATE_OF = sql`case status when 'Charging' then 'charging' when 'Available' then 'available'
  when 'Unavailable' then 'unavailable' when 'Faulted' then 'faulted' else 'idle' end`;

/** The first instant any rollup covers: the earliest status, connection or transaction; null without any. */
export async function findFirstRollupInstant(db: Db): Promise<Date | null> {
  const [row] = await db.execute<{ first: string | null }>(sql`select least(
    (select min(at) from connector_status_history), (select min(connected_at) from station_connections),
    (select min(started_at) from transactions)) as first`);
  return row?.first ? new Date(row.first) : null;
}

/** For the rest of the transaction: sorts and hash tables of a full rebuild stay in memory (256 MB each). */
export async function allowLargeSorts(db: Db): Promise<void> {
  await db.execute(sql`set local work_mem = '256MB'`);
}

/**
 * Recomputes the hourly rollups of [from, to) from status history, station connections, transactions,
 * meter values, exemptions and stored revenue: deletes the buckets and inserts them again, so running it
 * twice gives the same rows. Call inside a transaction.
 */
export async function replaceHourlyStats(db: Db, range: HourRange): Promise<number> {
  const { from, to } = range;
  const end = range.now < to ? range.now : to;
  await db.execute(sql`delete from connector_hourly_stats where hour_start >= ${iso(from)} and hour_start < ${iso(to)}`);
  if (end <= from) return 0;
  const rows = await db.execute(sql`
    with hist as (
      select h.station_id, h.connector_id, h.status, h.at, h.id from connector_status_history h
      where h.connector_id > 0 and h.at >= ${iso(from)} and h.at < ${iso(end)}
      union all
      select c.station_id, c.connector_id, p.status, p.at, p.id from connectors c
      cross join lateral (
        select status, at, id from connector_status_history h
        where h.station_id = c.station_id and h.connector_id = c.connector_id and h.at < ${iso(from)}
        order by h.at desc, h.id desc limit 1) p
      where c.connector_id > 0
    ),
    ivl as (
      select station_id, connector_id, ${STATE_OF} as state, greatest(at, ${iso(from)}::timestamptz) as s,
        coalesce(lead(at) over w, ${iso(end)}::timestamptz) as e,
        status = 'Faulted' and lag(status) over w is distinct from 'Faulted' and at >= ${iso(from)} as fault_start
      from hist window w as (partition by station_id, connector_id order by at, id)
    ),
    online as (
      select station_id, range_agg(tstzrange(connected_at, greatest(connected_at, coalesce(disconnected_at, ${iso(end)})))) as mr
      from station_connections where connected_at < ${iso(end)} and coalesce(disconnected_at, 'infinity') > ${iso(from)}
      group by station_id
    ),
    exempt as (
      select c.station_id, c.connector_id, range_agg(tstzrange(x.starts_at, x.ends_at)) as mr
      from uptime_exemptions x join connectors c on c.station_id = x.station_id and (x.connector_id is null or x.connector_id = c.connector_id)
      where x.starts_at < ${iso(end)} and x.ends_at > ${iso(from)} and c.connector_id > 0
      group by c.station_id, c.connector_id
    ),
    segments as (
      -- each status interval cut once into its online and offline parts, and those into exempt and not
      -- (a few range operations per interval), so that splitting into hours below is plain arithmetic
      select i.station_id, i.connector_id, i.state, g.online, g.exempt, lower(g.r) as s, upper(g.r) as e
      from (select * from ivl where e > s) i left join online o on o.station_id = i.station_id
      left join exempt x on x.station_id = i.station_id and x.connector_id = i.connector_id
      cross join lateral (select tstzmultirange(tstzrange(i.s, i.e)) as whole, coalesce(o.mr, '{}'::tstzmultirange) as up,
        coalesce(x.mr, '{}'::tstzmultirange) as ex) m
      cross join lateral (
        select true as online, false as exempt, r from unnest(m.whole * m.up - m.ex) r
        union all select true, true, r from unnest(m.whole * m.up * m.ex) r where x.mr is not null
        union all select false, false, r from unnest(m.whole - m.up - m.ex) r
        union all select false, true, r from unnest((m.whole - m.up) * m.ex) r where x.mr is not null
      ) g
    ),
    segments_us as (
      -- instants as integer microseconds, converted once per segment: the per-hour arithmetic and sums below stay in integers
      select g.*, (extract(epoch from g.s) * 1000000)::bigint as s_us, (extract(epoch from g.e) * 1000000)::bigint as e_us,
        (extract(epoch from date_trunc('hour', g.s, 'UTC')) * 1000000)::bigint as h0_us
      from segments g
    ),
    pieces as (
      select g.station_id, g.connector_id, g.state, g.online, g.exempt, h.hour,
        least(g.e_us, g.h0_us + h.n * 3600000000) - greatest(g.s_us, g.h0_us + (h.n - 1) * 3600000000) as us
      from segments_us g
      cross join lateral generate_series(date_trunc('hour', g.s, 'UTC'), g.e - interval '1 microsecond', interval '1 hour') with ordinality h(hour, n)
    ),
    state_facts as (
      select station_id, connector_id, hour,
        sum(us) / 1000000.0 as observed,
        sum(us) filter (where online and state = 'charging') / 1000000.0 as charging,
        sum(us) filter (where online and state = 'idle') / 1000000.0 as idle,
        sum(us) filter (where online and state = 'available') / 1000000.0 as available,
        sum(us) filter (where online and state = 'unavailable') / 1000000.0 as unavailable,
        sum(us) filter (where online and state = 'faulted') / 1000000.0 as faulted,
        sum(us) filter (where not online) / 1000000.0 as offline,
        sum(us) filter (where exempt) / 1000000.0 as exempt,
        sum(us) filter (where exempt and online and state in ('charging', 'idle', 'available')) / 1000000.0 as exempt_up
      from pieces group by 1, 2, 3
    ),
    faults as (
      select station_id, connector_id, date_trunc('hour', s, 'UTC') as hour, count(*) as n from ivl where fault_start group by 1, 2, 3
    ),
    sessions as (
      select station_id, connector_id, date_trunc('hour', started_at, 'UTC') as hour, count(*) as started,
        count(*) filter (where d is not null) as stopped, coalesce(sum(d), 0) as seconds,
        coalesce(sum(meter_stop - meter_start) filter (where d is not null), 0) as energy,
        array[count(*) filter (where d < 900), count(*) filter (where d >= 900 and d < 1800), count(*) filter (where d >= 1800 and d < 3600),
          count(*) filter (where d >= 3600 and d < 7200), count(*) filter (where d >= 7200 and d < 14400),
          count(*) filter (where d >= 14400 and d < 28800), count(*) filter (where d >= 28800)]::int[] as histogram
      from (select *, case when stopped_at is not null and meter_stop is not null then greatest(0, extract(epoch from stopped_at - started_at)) end as d
        from transactions where started_at >= ${iso(from)} and started_at < ${iso(end)}) t
      group by 1, 2, 3
    ),
    tx as (
      select id, station_id, connector_id, started_at, stopped_at, meter_start, meter_stop from transactions
      where started_at < ${iso(end)} and (stopped_at is null or stopped_at >= ${iso(from)})
    ),
    points as (
      select t.id, t.station_id, t.connector_id, t.started_at as at, 0 as ord, t.meter_start::float8 as v from tx t
      union all
      -- lateral (offset 0 keeps the planner from flattening it): one index range scan per transaction,
      -- never a scan of all meter values
      select t.id, t.station_id, t.connector_id, m.sampled_at, 1, m.value from tx t
      cross join lateral (select m.sampled_at, m.value from meter_values m
        where m.transaction_id = t.id and m.sampled_at >= t.started_at and m.sampled_at < ${iso(range.now)}
          and (t.stopped_at is null or m.sampled_at <= t.stopped_at)
          and m.measurand = 'Energy.Active.Import.Register' and m.phase is null and m.unit = 'Wh' and m.value is not null
          and coalesce(m.location, 'Outlet') <> 'EV' offset 0) m
      union all
      select t.id, t.station_id, t.connector_id, t.stopped_at, 2, t.meter_stop::float8 from tx t
      where t.stopped_at < ${iso(range.now)} and t.meter_stop is not null and t.stopped_at >= t.started_at
    ),
    steps as (
      select * from (select *, lag(v) over w as prev, lag(at) over w as prev_at from points window w as (partition by id order by at, ord)) p
      where prev is not null and at >= ${iso(from)} and prev_at < ${iso(end)}
    ),
    -- A register increase is spread evenly over the time between the two readings (the hours it spans),
    -- rounded cumulatively so the hours of one step add up to the step exactly.
    energy as (
      select p.station_id, p.connector_id, h.hour,
        sum(case when p.at = p.prev_at then round(greatest(0, p.v - p.prev))
          else round(greatest(0, p.v - p.prev) * extract(epoch from least(p.at, h.hour + interval '1 hour') - p.prev_at) / extract(epoch from p.at - p.prev_at))
            - round(greatest(0, p.v - p.prev) * extract(epoch from greatest(p.prev_at, h.hour) - p.prev_at) / extract(epoch from p.at - p.prev_at)) end) as wh
      from steps p cross join lateral generate_series(date_trunc('hour', p.prev_at, 'UTC'),
        greatest(p.prev_at, p.at - interval '1 microsecond'), interval '1 hour') h(hour)
      where h.hour >= ${iso(from)} and h.hour < ${iso(end)}
      group by 1, 2, 3
    ),
    power as (
      select m.station_id, m.connector_id, date_trunc('hour', m.sampled_at, 'UTC') as hour, max(m.value) as w
      from connectors c join meter_values m on m.station_id = c.station_id and m.connector_id = c.connector_id
        and m.sampled_at >= ${iso(from)} and m.sampled_at < ${iso(end)}
      where c.connector_id > 0 and m.measurand = 'Power.Active.Import' and m.phase is null and m.unit = 'W'
      group by 1, 2, 3
    ),
    revenue as (
      select station_id, connector_id, date_trunc('hour', stopped_at, 'UTC') as hour,
        sum(net) as net, sum(vat) as vat, sum(gross) as gross, max(currency) as currency
      from transaction_revenue where stopped_at >= ${iso(from)} and stopped_at < ${iso(end)} group by 1, 2, 3
    ),
    keys as (
      select station_id, connector_id, hour from state_facts union select station_id, connector_id, hour from sessions
      union select station_id, connector_id, hour from energy union select station_id, connector_id, hour from power
      union select station_id, connector_id, hour from revenue
    )
    insert into connector_hourly_stats (station_id, connector_id, hour_start, observed_seconds, charging_seconds, idle_seconds,
      available_seconds, unavailable_seconds, faulted_seconds, offline_seconds, exempt_seconds, exempt_up_seconds,
      sessions_started, sessions_stopped, session_seconds, session_energy_wh, length_histogram, energy_wh, peak_power_w, faults,
      revenue_net, revenue_vat, revenue_gross, currency)
    select k.station_id, k.connector_id, k.hour,
      round(coalesce(f.observed, 0)), round(coalesce(f.charging, 0)), round(coalesce(f.idle, 0)), round(coalesce(f.available, 0)),
      round(coalesce(f.unavailable, 0)), round(coalesce(f.faulted, 0)), round(coalesce(f.offline, 0)),
      round(coalesce(f.exempt, 0)), round(coalesce(f.exempt_up, 0)),
      coalesce(s.started, 0), coalesce(s.stopped, 0), round(coalesce(s.seconds, 0)), coalesce(s.energy, 0),
      coalesce(s.histogram, '{0,0,0,0,0,0,0}'), round(coalesce(e.wh, 0)), round(coalesce(p.w, 0)), coalesce(ft.n, 0),
      coalesce(r.net, 0), coalesce(r.vat, 0), coalesce(r.gross, 0), r.currency
    from keys k
    join stations st on st.id = k.station_id
    left join state_facts f using (station_id, connector_id, hour)
    left join sessions s using (station_id, connector_id, hour)
    left join energy e using (station_id, connector_id, hour)
    left join power p using (station_id, connector_id, hour)
    left join faults ft using (station_id, connector_id, hour)
    left join revenue r using (station_id, connector_id, hour)`);
  return (rows as unknown as { count: number }).count;
}
