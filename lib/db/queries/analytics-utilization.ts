import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { bucketRows, buckets, monthWindow, type ReportFilter } from './analytics-report-buckets';
import { connectorStatesFromRow, type ConnectorStates } from './analytics-reports';

const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

const STATES_OF_CONNECTOR = sql.raw('station_id, connector_id, observed_seconds, charging_seconds, idle_seconds, available_seconds, unavailable_seconds, faulted_seconds, offline_seconds');
const HOUR_SUMS = sql.raw(Array.from({ length: 24 }, (_, h) => `sum(d.sign * d.occupied_by_hour[${h + 1}]) as h${h}`).join(', '));
const HOUR_COLUMNS = sql.raw(Array.from({ length: 24 }, (_, h) => `w.h${h}`).join(', '));
const MONTH_SUMS = sql.raw([
  ...Array.from({ length: 7 * 24 }, (_, i) => `coalesce(sum(m.occupied_by_weekday_hour[${i + 1}]), 0) as c${i}`),
  ...Array.from({ length: 7 }, (_, w) => `coalesce(sum(m.observed_days_by_weekday[${w + 1}]), 0) as d${w}`),
].join(', '));
const MONTH_COLUMNS = sql.raw(Array.from({ length: 7 * 24 }, (_, i) => `c${i}`).join(', '));
const MONTH_DAY_COLUMNS = sql.raw(Array.from({ length: 7 }, (_, w) => `d${w}`).join(', '));

export type { ConnectorStates };

export interface OccupancyCell {
  /** ISO weekday, 1 = Monday, and local hour 0–23. */
  weekday: number;
  hour: number;
  occupiedSeconds: number;
  /** Observed port-hours behind the cell (a day with observed time counts 1 per connector). */
  portHours: number;
}

/**
 * Seconds per state of each connector over the range: only the seven state columns of each rollup row
 * (sumConnectorStats sums every figure, histograms included, which utilization does not show).
 */
export async function sumConnectorStates(db: Db, f: ReportFilter): Promise<ConnectorStates[]> {
  const rows = await db.execute<Record<string, unknown>>(sql`with ${buckets(f, STATES_OF_CONNECTOR)}
    select station_id, connector_id, sum(sign * observed_seconds) as observed, sum(sign * charging_seconds) as charging, sum(sign * idle_seconds) as idle,
      sum(sign * available_seconds) as available, sum(sign * unavailable_seconds) as unavailable, sum(sign * faulted_seconds) as faulted,
      sum(sign * offline_seconds) as offline
    from stats group by station_id, connector_id order by station_id, connector_id`);
  return rows.map(connectorStatesFromRow);
}

/**
 * Occupied (charging + idle) seconds and observed port-hours per local weekday and hour: the months'
 * 7 × 24 cells summed once (per station), whole days by weekday (24 sums each), and the edge hours grouped by
 * instant and zone first, so each distinct hour is converted to local time once, not once per connector.
 */
export async function readOccupancyHeatmap(db: Db, f: ReportFilter): Promise<OccupancyCell[]> {
  const rows = await db.execute<{ weekday: number; hour: number; occupied: string; port_hours: string }>(sql`with ${bucketRows(f, 'day')},
    by_weekday as (
      select extract(isodow from d.day)::int as weekday, sum(d.sign) as days, ${HOUR_SUMS}
      from day_rows d where d.observed_seconds > 0
      group by 1
    ),
    month_cells as (
      -- whole months from the per-station heatmaps: the same months as month_rows, a row per station instead of per connector
      select ${MONTH_SUMS} from station_monthly_heatmap m join scope using (station_id) join spans s on s.tz = scope.tz and s.level = 'month'
      where ${monthWindow(f, 'm')} and m.month_start >= s.lo and m.month_end <= s.hi
    ),
    by_instant as (
      select h.hour_start, h.tz, sum(h.sign * (h.charging_seconds + h.idle_seconds)) as occupied, sum(h.sign) as port_hours from hour_rows h group by 1, 2
    ),
    cells as (
      select w.weekday, g.hour, (array[${HOUR_COLUMNS}])[g.hour + 1] as occupied, w.days as port_hours
      from by_weekday w cross join generate_series(0, 23) g(hour)
      union all
      select w, g.hour, (array[${MONTH_COLUMNS}])[(w - 1) * 24 + g.hour + 1], (array[${MONTH_DAY_COLUMNS}])[w]
      from month_cells cross join generate_series(1, 7) w cross join generate_series(0, 23) g(hour)
      union all
      select extract(isodow from i.hour_start at time zone i.tz)::int, extract(hour from i.hour_start at time zone i.tz)::int, i.occupied, i.port_hours
      from by_instant i
    )
    select weekday, hour, sum(occupied) as occupied, sum(port_hours) as port_hours from cells group by 1, 2
    having sum(port_hours) > 0 order by 1, 2`);
  return rows.map((r) => ({ weekday: num(r.weekday), hour: num(r.hour), occupiedSeconds: num(r.occupied), portHours: num(r.port_hours) }));
}
