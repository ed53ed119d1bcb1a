import type { Db } from '../db/client';
import { sumConnectorStats, type ReportFilter, type StationFigures } from '../db/queries/analytics-reports';
import { kwh, round, type Figures, type ReportPart } from './report-types';

export const SESSION_LENGTH_BUCKETS = ['<15 min', '15–30 min', '30–60 min', '1–2 h', '2–4 h', '4–8 h', '≥8 h'] as const;

export function energyFigures(rows: StationFigures[]): Figures {
  const sum = (key: keyof StationFigures) => rows.reduce((total, r) => total + (r[key] as number), 0);
  const stopped = sum('sessionsStopped');
  return {
    sessions: sum('sessionsStarted'),
    energyKwh: kwh(sum('energyWh')),
    avgDurationMinutes: stopped > 0 ? round(sum('sessionSeconds') / stopped / 60, 1) : null,
    avgEnergyKwh: stopped > 0 ? kwh(sum('sessionEnergyWh') / stopped) : null,
    peakPowerKw: kwh(rows.reduce((max, r) => Math.max(max, r.peakPowerW), 0)),
  };
}

/** Sessions started in the range, energy delivered in it, and how long sessions lasted. */
export async function buildEnergyReport(db: Db, filter: ReportFilter): Promise<ReportPart<{ lengths: { bucket: string; sessions: number }[] }>> {
  const connectors = await sumConnectorStats(db, filter);
  const byStation = new Map<string, StationFigures[]>();
  for (const row of connectors) {
    const list = byStation.get(row.stationId);
    if (list) list.push(row);
    else byStation.set(row.stationId, [row]);
  }
  return {
    totals: energyFigures(connectors),
    columns: ['stationId', 'sessions', 'energyKwh', 'avgDurationMinutes', 'avgEnergyKwh', 'peakPowerKw'],
    rows: [...byStation].map(([stationId, list]) => ({ stationId, ...energyFigures(list) })),
    extra: {
      lengths: SESSION_LENGTH_BUCKETS.map((bucket, i) => ({ bucket, sessions: connectors.reduce((total, r) => total + (r.lengthHistogram[i] ?? 0), 0) })),
    },
  };
}
