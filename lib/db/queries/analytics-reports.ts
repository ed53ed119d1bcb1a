import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { buckets, scope, uptimeBuckets, type ReportFilter } from './analytics-report-buckets';

const iso = (at: Date) => at.toISOString();

export type { ReportFilter };

const COLUMNS = sql.raw(`station_id, connector_id, tz, level = 'month' as is_month, observed_seconds, charging_seconds, idle_seconds, available_seconds, unavailable_seconds,
  faulted_seconds, offline_seconds, exempt_seconds, exempt_up_seconds, sessions_started, sessions_stopped, session_seconds,
  session_energy_wh, length_histogram, energy_wh, peak_power_w, faults`);

/** Up seconds (charging, idle, available) of each rollup row: all the faults report needs of them. */
const UP_OF_STATION = sql.raw('station_id, charging_seconds + idle_seconds + available_seconds as up');

const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

/** A connector's seconds per state over a range (the seven state columns of the rollups). */
export interface ConnectorStates {
  stationId: string;
  connectorId: number;
  observedSeconds: number;
  chargingSeconds: number;
  idleSeconds: number;
  availableSeconds: number;
  unavailableSeconds: number;
  faultedSeconds: number;
  offlineSeconds: number;
}

/** The row mapper of the state sums (station_id, connector_id, observed, charging, idle, available, unavailable, faulted, offline). */
export const connectorStatesFromRow = (r: Record<string, unknown>): ConnectorStates => ({
  stationId: String(r.station_id),
  connectorId: num(r.connector_id),
  observedSeconds: num(r.observed),
  chargingSeconds: num(r.charging),
  idleSeconds: num(r.idle),
  availableSeconds: num(r.available),
  unavailableSeconds: num(r.unavailable),
  faultedSeconds: num(r.faulted),
  offlineSeconds: num(r.offline),
});

export interface StationFigures extends ConnectorStates {
  exemptSeconds: number;
  exemptUpSeconds: number;
  sessionsStarted: number;
  sessionsStopped: number;
  sessionSeconds: number;
  sessionEnergyWh: number;
  lengthHistogram: number[];
  energyWh: number;
  peakPowerW: number;
  faults: number;
}

/**
 * Every figure of the rollups summed per connector over the filter's range. Peak power is a maximum,
 * which a month less its outside part cannot give: a partial month's peak counts when it is above every
 * subtracted row's (then it lies inside the range); otherwise that edge's inside rows are read.
 */
export async function sumConnectorStats(db: Db, f: ReportFilter): Promise<StationFigures[]> {
  const inside = (lo: SQL, hi: SQL, dayLo: SQL, dayHi: SQL) => sql`(select max(q.peak) from (
      select d.peak_power_w as peak from connector_daily_stats d where d.station_id = x.station_id and d.connector_id = x.connector_id
        and d.day_start >= ${dayLo} and d.day_start < ${dayHi}
      union all
      select h.peak_power_w from connector_hourly_stats h where h.station_id = x.station_id and h.connector_id = x.connector_id
        and h.hour_start >= ${lo} and h.hour_start < ${hi}) q)`;
  const rows = await db.execute<Record<string, unknown>>(sql`with ${buckets(f, COLUMNS)},
    sums as (
      select station_id, connector_id, sum(sign * observed_seconds) as observed, sum(sign * charging_seconds) as charging, sum(sign * idle_seconds) as idle,
        sum(sign * available_seconds) as available, sum(sign * unavailable_seconds) as unavailable, sum(sign * faulted_seconds) as faulted,
        sum(sign * offline_seconds) as offline, sum(sign * exempt_seconds) as exempt, sum(sign * exempt_up_seconds) as exempt_up,
        sum(sign * sessions_started) as started, sum(sign * sessions_stopped) as stopped, sum(sign * session_seconds) as session_seconds,
        sum(sign * session_energy_wh) as session_energy, sum(sign * energy_wh) as energy, sum(sign * faults) as faults,
        array[sum(sign * length_histogram[1]), sum(sign * length_histogram[2]), sum(sign * length_histogram[3]), sum(sign * length_histogram[4]),
          sum(sign * length_histogram[5]), sum(sign * length_histogram[6]), sum(sign * length_histogram[7])] as histogram,
        max(peak_power_w) filter (where sign > 0 and not (is_month and side <> 'month')) as peak_inside,
        max(peak_power_w) filter (where sign > 0 and side = 'start' and is_month) as peak_start_month,
        max(peak_power_w) filter (where sign < 0 and side = 'start') as peak_start_outside,
        max(peak_power_w) filter (where sign > 0 and side = 'end' and is_month) as peak_end_month,
        max(peak_power_w) filter (where sign < 0 and side = 'end') as peak_end_outside,
        min(tz) as tz
      from stats group by station_id, connector_id
    )
    select x.*, greatest(x.peak_inside,
        case when x.peak_start_month is null then null when x.peak_start_month > coalesce(x.peak_start_outside, -1) then x.peak_start_month
          else ${inside(sql`${iso(f.from)}::timestamptz`, sql`e.d_from`, sql`e.d_from`, sql`e.m_from`)} end,
        case when x.peak_end_month is null then null when x.peak_end_month > coalesce(x.peak_end_outside, -1) then x.peak_end_month
          else ${inside(sql`e.d_to`, sql`${iso(f.to)}::timestamptz`, sql`e.m_to`, sql`e.d_to`)} end) as peak
    from sums x join edges e on e.tz = x.tz
    order by x.station_id, x.connector_id`);
  return rows.map((r) => ({
    ...connectorStatesFromRow(r),
    exemptSeconds: num(r.exempt),
    exemptUpSeconds: num(r.exempt_up),
    sessionsStarted: num(r.started),
    sessionsStopped: num(r.stopped),
    sessionSeconds: num(r.session_seconds),
    sessionEnergyWh: num(r.session_energy),
    lengthHistogram: (r.histogram as unknown[]).map(num),
    energyWh: num(r.energy),
    peakPowerW: num(r.peak),
    faults: num(r.faults),
  }));
}

/**
 * Port-months in each connector's site time zone: up and observed seconds net of exemptions, over the
 * local days from the day containing `from` up to the day containing `to` (exclusive).
 */
export async function sumUptimeByPortMonth(db: Db, f: ReportFilter) {
  const rows = await db.execute<Record<string, unknown>>(sql`with ${uptimeBuckets(f)}
    select u.station_id, u.connector_id, to_char(u.month, 'YYYY-MM') as month, sum(u.sign * u.observed_seconds) as observed,
      sum(u.sign * (u.charging_seconds + u.idle_seconds + u.available_seconds)) as up, sum(u.sign * u.exempt_seconds) as exempt,
      sum(u.sign * u.exempt_up_seconds) as exempt_up
    from uptime_rows u
    group by 1, 2, u.month
    -- a port-month exists where the range has rows of it (a partial month read whole: where it has inside days)
    having bool_or(u.inside_from is null and u.sign > 0) or bool_or(u.inside_from is not null and exists (select 1 from connector_daily_stats d
      where d.station_id = u.station_id and d.connector_id = u.connector_id and d.day >= u.inside_from and d.day < u.inside_to))
    order by 3, 1, 2`);
  return rows.map((r) => ({
    stationId: String(r.station_id),
    connectorId: num(r.connector_id),
    month: String(r.month),
    observedSeconds: num(r.observed),
    upSeconds: num(r.up),
    exemptSeconds: num(r.exempt),
    exemptUpSeconds: num(r.exempt_up),
  }));
}

/** Keys of the faults report's groups: the station's vendor, model and firmware ('' when unknown). */
export interface FaultModelKey {
  vendor: string;
  model: string;
  firmware: string;
}

export interface FaultGroup extends FaultModelKey {
  errorCode: string;
  vendorErrorCode: string;
  faults: number;
  /** Episodes that ended, and their total duration (for the mean time to recovery). */
  ended: number;
  endedSeconds: number;
}

/**
 * In one statement: the fault episodes starting in the range, counted per error code, vendor error
 * code, vendor, model and firmware (in the order of each group's first episode), and the up seconds
 * (charging, idle, available) of the scope's connectors per vendor, model and firmware, from the
 * rollups (for the mean time between faults).
 */
export async function sumFaults(db: Db, f: ReportFilter): Promise<{ groups: FaultGroup[]; upByModel: (FaultModelKey & { upSeconds: number })[] }> {
  const rows = await db.execute<Record<string, unknown>>(sql`with ${buckets(f, UP_OF_STATION)},
    up as (
      select coalesce(scope.vendor, '') as vendor, coalesce(scope.model, '') as model, coalesce(scope.firmware_version, '') as firmware,
        sum(u.up) as up
      from (select station_id, sum(sign * up) as up from stats group by 1) u join scope using (station_id) group by 1, 2, 3
    ),
    faults as (
      select e.error_code, coalesce(e.vendor_error_code, '') as vendor_error_code, coalesce(scope.vendor, '') as vendor,
        coalesce(scope.model, '') as model, coalesce(scope.firmware_version, '') as firmware, count(*) as faults,
        count(e.ended_at) as ended, coalesce(sum(extract(epoch from e.ended_at - e.started_at)), 0) as ended_seconds, min(e.started_at) as first
      from connector_fault_episodes e join scope using (station_id)
      where e.started_at >= ${iso(f.from)} and e.started_at < ${iso(f.to)}
      group by 1, 2, 3, 4, 5
    )
    select 'fault' as kind, error_code, vendor_error_code, vendor, model, firmware, faults, ended, ended_seconds, null as up, first from faults
    union all
    select 'up', null, null, vendor, model, firmware, null, null, null, up, null from up
    order by kind, first`);
  const groups: FaultGroup[] = [];
  const upByModel: (FaultModelKey & { upSeconds: number })[] = [];
  for (const r of rows) {
    const key = { vendor: String(r.vendor), model: String(r.model), firmware: String(r.firmware) };
    if (r.kind === 'up') upByModel.push({ ...key, upSeconds: num(r.up) });
    else groups.push({ errorCode: String(r.error_code), vendorErrorCode: String(r.vendor_error_code), ...key, faults: num(r.faults), ended: num(r.ended), endedSeconds: num(r.ended_seconds) });
  }
  return { groups, upByModel };
}

/** Choices for the analytics filters: sites, tariffs, vendor/model pairs. */
export async function listReportFilterOptions(db: Db) {
  const [sites, tariffs, models] = await Promise.all([
    db.execute<{ id: string; name: string }>(sql`select id, name from sites order by lower(name)`),
    db.execute<{ id: string; name: string }>(sql`select id, name from tariffs order by lower(name)`),
    db.execute<{ vendor: string; model: string | null }>(sql`select distinct vendor, model from stations where vendor is not null order by 1, 2`),
  ]);
  return { sites: [...sites], tariffs: [...tariffs], vendors: [...new Set(models.map((m) => m.vendor))], models: [...new Set(models.map((m) => m.model).filter((m): m is string => !!m))] };
}

/** A local month (YYYY-MM) in a time zone as UTC instants: its first midnight and the next month's. */
export async function getLocalMonthRange(db: Db, month: string, timeZone: string): Promise<{ from: Date; to: Date }> {
  const [row] = await db.execute<{ from: string; to: string }>(sql`
    select (${`${month}-01`}::timestamp at time zone ${timeZone}) as "from",
      ((${`${month}-01`}::date + interval '1 month')::timestamp at time zone ${timeZone}) as "to"`);
  return { from: new Date(row!.from), to: new Date(row!.to) };
}
