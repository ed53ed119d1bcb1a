import type postgres from 'postgres';

export interface SeedPlan {
  connectors: number;
  sessions: number;
  samples: number;
  from: Date;
  to: Date;
}

export const ZONES = ['Europe/Berlin', 'America/New_York', 'UTC', 'Australia/Sydney'];

/** How the seeded sessions were paid (shares of the stored revenue rows). */
export const SEED_PAYMENT_METHODS = [['wallet', 0.45], ['card', 0.3], ['subscription', 0.1], ['invoice', 0.15]] as const;

type Figures = Record<string, { rows: number; seconds: number; perSecond: number }>;

/**
 * Seeds B5's year set-based, inside PostgreSQL (`insert … select … from generate_series`): no row
 * crosses the wire. Random figures come from `b5_rand(key, salt)`, a hash of the row's key, so the
 * same scale always seeds the same data. The shape: stations of two connectors each in four sites
 * (four time zones); per connector non-overlapping sessions spread over the year (10 min – 6 h,
 * 3.7–22 kW); per session Charging → Finishing → Available, and in one gap in 40 (of over 4 h) a
 * fault of 30 min – 2 h; three outages (10 min – 5 h) per station; per session `samples / sessions`
 * meter samples (register + power); each session's final cost (€0.30/kWh + €1, 19 % VAT) as the
 * rollup refresh stores it, with a payment method. Foreign-key triggers are off during the seed
 * (session_replication_role = replica): the rows are consistent by construction.
 */
export async function seedAnalyticsYear(client: postgres.Sql, plan: SeedPlan): Promise<Figures> {
  const sql = await client.reserve();
  const figures: Figures = {};
  const from = plan.from.toISOString();
  const to = plan.to.toISOString();
  const spanSeconds = (plan.to.getTime() - plan.from.getTime()) / 1000;
  const perConnector = Math.floor(plan.sessions / plan.connectors);
  const slot = Math.floor(spanSeconds / perConnector);
  const perSession = Math.max(2, Math.floor(plan.samples / (perConnector * plan.connectors) / 2));
  const timed = async (name: string, run: () => Promise<{ count: number }>) => {
    const started = performance.now();
    const { count } = await run();
    const seconds = (performance.now() - started) / 1000;
    figures[name] = { rows: count, seconds, perSecond: count / seconds };
  };
  try {
    await sql`set session_replication_role = replica`;
    await sql`create or replace function b5_rand(key bigint, salt bigint) returns float8 language sql immutable parallel safe
      as $$ select (hashint8extended(key, salt) & 2147483647)::float8 / 2147483648.0 $$`;
    const sites = await sql<{ id: string }[]>`insert into sites (name, time_zone) select 'B5 site ' || z, z from unnest(${ZONES}::text[]) with ordinality u(z, n) order by n returning id`;
    const tariffs = await sql<{ id: string; name: string }[]>`insert into tariffs (name, currency) values ('B5 day', 'EUR'), ('B5 night', 'EUR') returning id, name`;
    const stations = Math.ceil(plan.connectors / 2);
    await timed('stations', () => sql`insert into stations (id, vendor, model, firmware_version, online)
      select 'B5-' || lpad(i::text, 4, '0'), case when i % 3 = 0 then 'Volta' else 'ACME' end, 'M' || i % 4, '1.' || i % 5, true
      from generate_series(0, ${stations - 1}::int) i`);
    await sql`insert into station_sites (station_id, site_id)
      select 'B5-' || lpad(i::text, 4, '0'), (${sites.map((s) => s.id)}::uuid[])[i % ${sites.length} + 1] from generate_series(0, ${stations - 1}::int) i`;
    await sql`insert into connectors (station_id, connector_id, status, error_code, status_at)
      select 'B5-' || lpad((c / 2)::text, 4, '0'), c % 2 + 1, 'Available', 'NoError', ${to} from generate_series(0, ${plan.connectors - 1}::int) c`;
    // Online all year but for three outages per station: connected from the year's start or the end of outage k - 1 until outage k.
    await timed('connections', () => sql`insert into station_connections (station_id, node_id, protocol, connected_at, disconnected_at)
      with outages as (
        select i, k, ${from}::timestamptz + make_interval(secs => floor((k + b5_rand(i * 8 + k, 11)) * ${spanSeconds}::float8 / 3)) as down,
          floor(600 + b5_rand(i * 8 + k, 12) * 17400)::int as seconds
        from generate_series(0, ${stations - 1}::int) i cross join generate_series(0, 2) k
      )
      select 'B5-' || lpad(i::text, 4, '0'), 'bench', 'ocpp1.6',
        coalesce(lag(down + make_interval(secs => seconds)) over (partition by i order by k), ${from}::timestamptz), down
      from outages
      union all
      select 'B5-' || lpad(i::text, 4, '0'), 'bench', 'ocpp1.6', down + make_interval(secs => seconds), null from outages where k = 2`);
    await sql`create unlogged table b5_sessions (id int, station_id text, connector_id int, c int, k int, start_at timestamptz, stop_at timestamptz,
      seconds int, power_w int, energy bigint, meter_start bigint)`;
    await sql`insert into b5_sessions
      with planned as (
        select c, k, c * ${perConnector} + k + 1 as id, least(floor(600 + b5_rand(c * 100000 + k, 1) * 21000), ${slot - 1200}::int)::int as seconds,
          round(3700 + b5_rand(c * 100000 + k, 2) * 18300)::int as power_w
        from generate_series(0, ${plan.connectors - 1}::int) c cross join generate_series(0, ${perConnector - 1}::int) k
      ),
      timed as (
        select *, ${from}::timestamptz + make_interval(secs => k::bigint * ${slot}::bigint + floor(b5_rand(c * 100000 + k, 3) * (${slot}::bigint - seconds - 900))) as start_at,
          round(power_w::numeric * seconds / 3600)::bigint as energy
        from planned
      )
      select id, 'B5-' || lpad((c / 2)::text, 4, '0') as station_id, c % 2 + 1 as connector_id, c, k, start_at, start_at + make_interval(secs => seconds) as stop_at,
        seconds, power_w, energy,
        floor(b5_rand(c, 4) * 1000000)::bigint + coalesce(sum(energy) over (partition by c order by k rows between unbounded preceding and 1 preceding), 0) as meter_start
      from timed`;
    await sql`create index on b5_sessions (c, k)`;
    await timed('statusHistory', () => sql`insert into connector_status_history (station_id, connector_id, status, error_code, vendor_error_code, at, received_at)
      with gaps as (
        select s.*, coalesce(lead(start_at) over (partition by c order by k), ${to}::timestamptz) as gap_end,
          b5_rand(id, 5) as fault_draw, s.stop_at + interval '10 minutes' as fault_at,
          make_interval(secs => floor(1800 + b5_rand(id, 6) * 5400)) as fault_seconds
        from b5_sessions s
      ),
      rows as (
        select c, k, 0 as n, station_id, connector_id, 'Available' as status, 'NoError' as error_code, null as vendor_code, ${from}::timestamptz as at from gaps where k = 0
        union all select c, k, 1, station_id, connector_id, 'Charging', 'NoError', null, start_at from gaps
        union all select c, k, 2, station_id, connector_id, 'Finishing', 'NoError', null, stop_at from gaps
        union all select c, k, 3, station_id, connector_id, 'Available', 'NoError', null, stop_at + interval '5 minutes' from gaps
        union all select c, k, 4, station_id, connector_id, 'Faulted', case when b5_rand(id, 7) < 0.5 then 'GroundFailure' else 'PowerMeterFailure' end,
          'E' || floor(b5_rand(id, 8) * 5), fault_at from gaps where fault_draw < 0.025 and gap_end - stop_at > interval '4 hours'
        union all select c, k, 5, station_id, connector_id, 'Available', 'NoError', null, fault_at + fault_seconds from gaps
          where fault_draw < 0.025 and gap_end - stop_at > interval '4 hours'
      )
      select station_id, connector_id, status, error_code, vendor_code, at, at from rows order by c, k, n`);
    await timed('transactions', () => sql`insert into transactions (id, station_id, connector_id, id_tag, auth_status, meter_start, started_at, meter_stop, stopped_at, stop_reason)
      overriding system value
      select id, station_id, connector_id, 'B5', 'Accepted', meter_start, start_at, meter_start + energy, stop_at, 'Local' from b5_sessions order by id`);
    await sql`select setval(pg_get_serial_sequence('transactions', 'id'), ${plan.connectors * perConnector})`;
    // Bulk load: meter_values' secondary indexes are dropped and built again afterwards (one sort each instead of
    // ten million b-tree insertions), from their own definitions, so the table ends up exactly as migrated.
    const indexes = await sql<{ name: string; definition: string }[]>`select indexname as name, indexdef as definition from pg_indexes
      where tablename = 'meter_values' and indexname not in (select conname from pg_constraint where conrelid = 'meter_values'::regclass)`;
    for (const index of indexes) await sql`drop index ${sql(index.name)}`;
    // Samples at j / (n + 1) of each session, whole seconds: the register and the power (90–100 % of the session's).
    // (Integer arithmetic and a cross join with the two measurands: a lateral VALUES per row costs twice the insert.)
    await timed('meterValues', () => sql`insert into meter_values (station_id, connector_id, transaction_id, sampled_at, measurand, context, format, unit, value, raw_value, raw_unit, received_at)
      select s.station_id, s.connector_id, s.id, p.at, case m.kind when 1 then 'Energy.Active.Import.Register' else 'Power.Active.Import' end,
        'Sample.Periodic', 'Raw', m.unit, p.value, p.value::text, m.unit, p.at
      from b5_sessions s cross join generate_series(1, ${perSession}::int) j cross join (values (1, 'Wh'), (2, 'W')) m(kind, unit)
      cross join lateral (select s.start_at + (s.seconds::bigint * j / ${perSession + 1}::int) * interval '1 second' as at,
        case m.kind when 1 then s.meter_start + (2 * s.energy * j + ${perSession + 1}::int) / ${2 * (perSession + 1)}::int
          else round(s.power_w * (0.9 + b5_rand(s.id * 1000 + j, 9) * 0.1)) end::float8 as value) p`);
    await timed('meterValueIndexes', async () => {
      for (const index of indexes) await sql.unsafe(index.definition);
      return { count: 0 };
    });
    const methods = SEED_PAYMENT_METHODS.map(([method]) => method);
    const cumulative = SEED_PAYMENT_METHODS.map((_, i) => SEED_PAYMENT_METHODS.slice(0, i + 1).reduce((sum, [, share]) => sum + share, 0));
    await timed('revenue', () => sql`insert into transaction_revenue (transaction_id, station_id, connector_id, stopped_at, tariff_id, tariff_name, currency, net, vat, gross, payment_method, priced_at)
      select s.id, s.station_id, s.connector_id, s.stop_at, t.id, t.name, 'EUR', net, vat, net + vat,
        (${methods}::text[])[(select count(*) from unnest(${cumulative}::float8[]) bound where bound <= b5_rand(s.id, 10)) + 1], s.stop_at
      from b5_sessions s
      cross join lateral (select round(s.energy * 0.03)::int + 100 as net) n
      cross join lateral (select round(net * 0.19)::int as vat) v
      join (select id, name, row_number() over (order by name) - 1 as parity from unnest(${tariffs.map((t) => t.id)}::uuid[], ${tariffs.map((t) => t.name)}::text[]) x(id, name)) t
        on t.parity = extract(epoch from s.start_at)::bigint % 2`);
    await sql`drop table b5_sessions`;
    await sql`drop function b5_rand(bigint, bigint)`;
  } finally {
    await sql`reset session_replication_role`;
    sql.release();
  }
  return figures;
}
