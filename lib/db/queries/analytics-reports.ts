import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { buckets, scope, uptimeBuckets, type ReportFilter } from './analytics-report-buckets';

const iso = (at: Date) => at.toISOString();

export type { ReportFilter };

const COLUMNS = sql.raw(`station_id, connector_id, observed_seconds, charging_seconds, idle_seconds, available_seconds, unavailable_seconds,
  faulted_seconds, offline_seconds, exempt_seconds, exempt_up_seconds, sessions_started, sessions_stopped, session_seconds,
  session_energy_wh, length_histogram, energy_wh, peak_power_w, faults`);

const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

export interface StationFigures {
  stationId: string;
  connectorId: number;
  observedSeconds: number;
  chargingSeconds: number;
  idleSeconds: number;
  availableSeconds: number;
  unavailableSeconds: number;
  faultedSeconds: number;
  offlineSeconds: number;
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

/** Every figure of the rollups summed per connector over the filter's range. */
export async function sumConnectorStats(db: Db, f: ReportFilter): Promise<StationFigures[]> {
  const rows = await db.execute<Record<string, unknown>>(sql`with ${buckets(f, COLUMNS)}
    select station_id, connector_id, sum(observed_seconds) as observed, sum(charging_seconds) as charging, sum(idle_seconds) as idle,
      sum(available_seconds) as available, sum(unavailable_seconds) as unavailable, sum(faulted_seconds) as faulted,
      sum(offline_seconds) as offline, sum(exempt_seconds) as exempt, sum(exempt_up_seconds) as exempt_up,
      sum(sessions_started) as started, sum(sessions_stopped) as stopped, sum(session_seconds) as session_seconds,
      sum(session_energy_wh) as session_energy, sum(energy_wh) as energy, max(peak_power_w) as peak, sum(faults) as faults,
      array[sum(length_histogram[1]), sum(length_histogram[2]), sum(length_histogram[3]), sum(length_histogram[4]),
        sum(length_histogram[5]), sum(length_histogram[6]), sum(length_histogram[7])] as histogram
    from stats group by station_id, connector_id order by station_id, connector_id`);
  return rows.map((r) => ({
    stationId: String(r.station_id),
    connectorId: num(r.connector_id),
    observedSeconds: num(r.observed),
    chargingSeconds: num(r.charging),
    idleSeconds: num(r.idle),
    availableSeconds: num(r.available),
    unavailableSeconds: num(r.unavailable),
    faultedSeconds: num(r.faulted),
    offlineSeconds: num(r.offline),
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
    select u.station_id, u.connector_id, to_char(u.month, 'YYYY-MM') as month, sum(u.observed_seconds) as observed,
      sum(u.charging_seconds + u.idle_seconds + u.available_seconds) as up, sum(u.exempt_seconds) as exempt, sum(u.exempt_up_seconds) as exempt_up
    from uptime_rows u
    group by 1, 2, 3 order by 3, 1, 2`);
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

/** Fault episodes starting in the range with the station's vendor, model and firmware; durations clipped to `now`. */
export async function listFaultEpisodes(db: Db, f: ReportFilter, now: Date) {
  const rows = await db.execute<Record<string, unknown>>(sql`with ${scope(f)}
    select e.station_id, e.connector_id, e.started_at, e.ended_at, e.error_code, e.vendor_error_code,
      coalesce(scope.vendor, '') as vendor, coalesce(scope.model, '') as model, coalesce(scope.firmware_version, '') as firmware,
      extract(epoch from coalesce(e.ended_at, ${iso(now)}::timestamptz) - e.started_at) as seconds
    from connector_fault_episodes e join scope using (station_id)
    where e.started_at >= ${iso(f.from)} and e.started_at < ${iso(f.to)}
    order by e.started_at`);
  return rows.map((r) => ({
    stationId: String(r.station_id),
    connectorId: num(r.connector_id),
    startedAt: new Date(r.started_at as string),
    endedAt: r.ended_at ? new Date(r.ended_at as string) : null,
    errorCode: String(r.error_code),
    vendorErrorCode: (r.vendor_error_code as string | null) ?? '',
    vendor: String(r.vendor),
    model: String(r.model),
    firmware: String(r.firmware),
    seconds: num(r.seconds),
  }));
}

/** Station → site name, vendor, model for labelling report rows. */
export async function listScopeStations(db: Db, f: ReportFilter) {
  const rows = await db.execute<Record<string, unknown>>(sql`with ${scope(f)} select * from scope order by station_id`);
  return rows.map((r) => ({
    stationId: String(r.station_id),
    siteId: (r.site_id as string | null) ?? null,
    siteName: (r.site_name as string | null) ?? null,
    vendor: (r.vendor as string | null) ?? null,
    model: (r.model as string | null) ?? null,
    firmware: (r.firmware_version as string | null) ?? null,
    timeZone: String(r.tz),
  }));
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
