import type { Db } from '../db/client';
import type { ReportFilter } from '../db/queries/analytics-reports';
import { readOccupancyHeatmap, sumConnectorStates, type ConnectorStates } from '../db/queries/analytics-utilization';
import { share, type Figures, type ReportPart } from './report-types';

const STATES = ['charging', 'idle', 'available', 'unavailable', 'faulted', 'offline'] as const;

/** Seconds per state and their shares of the observed time. */
export function utilizationFigures(rows: Pick<ConnectorStates, 'observedSeconds' | `${(typeof STATES)[number]}Seconds`>[]): Figures {
  const observed = rows.reduce((sum, r) => sum + r.observedSeconds, 0);
  const figures: Figures = { observedSeconds: observed };
  for (const state of STATES) {
    const seconds = rows.reduce((sum, r) => sum + r[`${state}Seconds`], 0);
    figures[`${state}Seconds`] = seconds;
    figures[`${state}Share`] = share(seconds, observed);
  }
  return figures;
}

/** Shares of time per state, per station, and a local weekday × hour heatmap of occupancy. */
export async function buildUtilizationReport(
  db: Db,
  filter: ReportFilter,
  scope: 'full' | 'totals' = 'full',
): Promise<ReportPart<{ heatmap: { weekday: number; hour: number; occupiedShare: number | null }[] }>> {
  // The previous period shows its totals only: no heatmap.
  const [connectors, cells] = await Promise.all([sumConnectorStates(db, filter), scope === 'full' ? readOccupancyHeatmap(db, filter) : []]);
  const byStation = new Map<string, ConnectorStates[]>();
  for (const row of connectors) {
    const list = byStation.get(row.stationId);
    if (list) list.push(row);
    else byStation.set(row.stationId, [row]);
  }
  const rows = [...byStation].map(([stationId, list]) => ({ stationId, ...utilizationFigures(list) }));
  return {
    totals: utilizationFigures(connectors),
    columns: ['stationId', 'observedSeconds', ...STATES.flatMap((s) => [`${s}Seconds`, `${s}Share`])],
    rows,
    extra: { heatmap: cells.map((c) => ({ weekday: c.weekday, hour: c.hour, occupiedShare: c.portHours > 0 ? Math.round((c.occupiedSeconds / (c.portHours * 3600)) * 10_000) / 10_000 : null })) },
  };
}
