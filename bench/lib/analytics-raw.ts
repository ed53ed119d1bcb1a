import { sql } from 'drizzle-orm';
import type { DbClient } from '../../lib/db/client';

const iso = (at: Date) => at.toISOString();
const STATE = sql.raw(`case status when 'Charging' then 'charging' when 'Available' then 'available'
  when 'Unavailable' then 'unavailable' when 'Faulted' then 'faulted' else 'idle' end`);

/**
 * The reports' figures straight from the raw rows (status history, connections, transactions, meter
 * values), without the rollups: what the reports would cost without them, and a check of their numbers.
 */
export async function rawFigures(db: DbClient, range: { from: Date; to: Date }) {
  const { from, to } = range;
  const [states] = await db.execute<Record<string, number>>(sql`
    with ivl as (
      select station_id, ${STATE} as state, tstzrange(greatest(at, ${iso(from)}::timestamptz), least(coalesce(lead(at) over w, ${iso(to)}::timestamptz), ${iso(to)}::timestamptz)) as r
      from connector_status_history where connector_id > 0 and at < ${iso(to)}
      window w as (partition by station_id, connector_id order by at, id)
    ),
    online as (
      select station_id, range_agg(tstzrange(connected_at, greatest(connected_at, coalesce(disconnected_at, ${iso(to)})))) as mr from station_connections group by 1
    ),
    measured as (
      select i.state, extract(epoch from upper(i.r) - lower(i.r)) as total,
        (select coalesce(sum(extract(epoch from upper(x) - lower(x))), 0) from unnest(o.mr * tstzmultirange(i.r)) x) as online
      from ivl i left join online o using (station_id) where not isempty(i.r) and upper(i.r) > lower(i.r)
    )
    select sum(total)::float8 as observed, coalesce(sum(online) filter (where state = 'charging'), 0)::float8 as charging,
      coalesce(sum(online) filter (where state = 'idle'), 0)::float8 as idle, coalesce(sum(online) filter (where state = 'available'), 0)::float8 as available,
      coalesce(sum(online) filter (where state = 'faulted'), 0)::float8 as faulted, sum(total - online)::float8 as offline
    from measured`);
  const [energy] = await db.execute<Record<string, number>>(sql`
    select count(*)::int as sessions, count(*) filter (where stopped_at is not null)::int as stopped,
      coalesce(sum(extract(epoch from stopped_at - started_at)), 0)::float8 as seconds, coalesce(sum(meter_stop - meter_start), 0)::float8 as wh,
      (select max(value) from meter_values where measurand = 'Power.Active.Import' and sampled_at >= ${iso(from)} and sampled_at < ${iso(to)})::float8 as peak
    from transactions where started_at >= ${iso(from)} and started_at < ${iso(to)}`);
  const [revenue] = await db.execute<Record<string, number>>(sql`
    select count(*)::int as sessions, coalesce(sum(r.gross), 0)::float8 as gross from transactions t join transaction_revenue r on r.transaction_id = t.id
    where t.stopped_at >= ${iso(from)} and t.stopped_at < ${iso(to)}`);
  const [faults] = await db.execute<Record<string, number>>(sql`
    select count(*)::int as faults, avg(extract(epoch from ended - at))::float8 as mttr_seconds from (
      select h.at, (select min(n.at) from connector_status_history n where n.station_id = h.station_id and n.connector_id = h.connector_id
        and n.at > h.at and n.status <> 'Faulted') as ended
      from (select *, lag(status) over (partition by station_id, connector_id order by at, id) as previous from connector_status_history) h
      where h.status = 'Faulted' and h.previous is distinct from 'Faulted' and h.at >= ${iso(from)} and h.at < ${iso(to)} and h.connector_id > 0
    ) f`);
  return { states: states!, energy: energy!, revenue: revenue!, faults: faults! };
}

/** Uptime per port and local month from raw rows, over the local days the uptime report covers. */
export async function rawUptime(db: DbClient, range: { from: Date; to: Date }) {
  const { from, to } = range;
  return db.execute<{ station_id: string; connector_id: number; month: string; uptime: number }>(sql`
    with zones as (
      select st.id as station_id, coalesce(s.time_zone, 'UTC') as tz from stations st
      left join station_sites ss on ss.station_id = st.id left join sites s on s.id = ss.site_id
    ),
    months as (
      select z.station_id, z.tz, to_char(m, 'YYYY-MM') as month,
        tstzrange(greatest(m at time zone z.tz, (((${iso(from)}::timestamptz at time zone z.tz)::date)::timestamp at time zone z.tz)),
          least((m + interval '1 month') at time zone z.tz, (((${iso(to)}::timestamptz at time zone z.tz)::date)::timestamp at time zone z.tz))) as r
      from zones z cross join lateral generate_series(date_trunc('month', ${iso(from)}::timestamptz at time zone z.tz),
        date_trunc('month', ${iso(to)}::timestamptz at time zone z.tz), interval '1 month') m
    ),
    ivl as (
      select station_id, connector_id, ${STATE} as state, tstzrange(at, least(coalesce(lead(at) over w, ${iso(to)}::timestamptz), ${iso(to)}::timestamptz)) as r
      from connector_status_history where connector_id > 0 and at < ${iso(to)}
      window w as (partition by station_id, connector_id order by at, id)
    ),
    online as (
      select station_id, range_agg(tstzrange(connected_at, greatest(connected_at, coalesce(disconnected_at, ${iso(to)})))) as mr from station_connections group by 1
    ),
    pieces as (
      select i.station_id, i.connector_id, m.month, i.state, i.r * m.r as r from ivl i join months m on m.station_id = i.station_id and i.r && m.r
      where upper(i.r) > lower(i.r) and not isempty(m.r)
    )
    select p.station_id, p.connector_id, p.month,
      round((sum((select coalesce(sum(extract(epoch from upper(x) - lower(x))), 0) from unnest(o.mr * tstzmultirange(p.r)) x))
        filter (where p.state in ('charging', 'idle', 'available')) / nullif(sum(extract(epoch from upper(p.r) - lower(p.r))), 0))::numeric, 5)::float8 as uptime
    from pieces p left join online o using (station_id)
    group by 1, 2, 3 order by 3, 1, 2`);
}
