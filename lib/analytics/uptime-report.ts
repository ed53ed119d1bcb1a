import type { Db } from '../db/client';
import { sumUptimeByPortMonth, type ReportFilter } from '../db/queries/analytics-reports';
import { round, type ReportPart } from './report-types';

/** NEVI (23 CFR 680.116(b)): each port ≥ 97 % uptime. */
export const UPTIME_TARGET = 0.97;

/**
 * Uptime of a port in a month (site time zone) = seconds it was up (Charging, occupied, or Available
 * while its station was connected) outside exemptions ÷ (observed seconds − exempt seconds).
 * Unavailable, Faulted and offline count as down; the time before a port's first status is not
 * observed. Exemptions are operator-marked outages (scheduled maintenance, grid, vandalism).
 */
export function portUptime(row: { observedSeconds: number; upSeconds: number; exemptSeconds: number; exemptUpSeconds: number }): number | null {
  const period = row.observedSeconds - row.exemptSeconds;
  return period > 0 ? round((row.upSeconds - row.exemptUpSeconds) / period, 5) : null;
}

export async function buildUptimeReport(db: Db, filter: ReportFilter): Promise<ReportPart<{ target: number; below: { stationId: string; connectorId: number; month: string; uptime: number }[] }>> {
  const months = await sumUptimeByPortMonth(db, filter);
  const rows = months.map((m) => ({ month: m.month, stationId: m.stationId, connectorId: m.connectorId, uptime: portUptime(m), observedSeconds: m.observedSeconds, exemptSeconds: m.exemptSeconds }));
  const below = rows.filter((r) => r.uptime !== null && r.uptime < UPTIME_TARGET).map((r) => ({ stationId: r.stationId, connectorId: r.connectorId, month: r.month, uptime: r.uptime! }));
  const sum = (key: 'observedSeconds' | 'upSeconds' | 'exemptSeconds' | 'exemptUpSeconds') => months.reduce((n, m) => n + m[key], 0);
  const ports = new Set(rows.map((r) => `${r.stationId}/${r.connectorId}`));
  const portsBelow = new Set(below.map((r) => `${r.stationId}/${r.connectorId}`));
  return {
    totals: {
      uptime: portUptime({ observedSeconds: sum('observedSeconds'), upSeconds: sum('upSeconds'), exemptSeconds: sum('exemptSeconds'), exemptUpSeconds: sum('exemptUpSeconds') }),
      ports: ports.size,
      portsBelowTarget: portsBelow.size,
    },
    columns: ['month', 'stationId', 'connectorId', 'uptime', 'observedSeconds', 'exemptSeconds'],
    rows,
    extra: { target: UPTIME_TARGET, below },
  };
}
