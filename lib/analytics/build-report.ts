import type { Db } from '../db/client';
import type { ReportFilter } from '../db/queries/analytics-reports';
import { buildEnergyReport } from './energy-report';
import { buildFaultsReport } from './faults-report';
import { ceilHour, floorHour } from './refresh-rollups';
import type { Report, ReportName, ReportPart } from './report-types';
import { buildRevenueReport } from './revenue-report';
import { buildUptimeReport } from './uptime-report';
import { buildUtilizationReport } from './utilization-report';

const builders: Record<ReportName, (db: Db, filter: ReportFilter, now: Date) => Promise<ReportPart>> = {
  utilization: buildUtilizationReport,
  energy: buildEnergyReport,
  revenue: buildRevenueReport,
  uptime: buildUptimeReport,
  faults: buildFaultsReport,
};

/**
 * One report over [from, to) (widened to whole hours) from the rollups, with the totals of the
 * previous period of the same length for comparison.
 */
export async function buildReport(db: Db, name: ReportName, filter: ReportFilter, options: { now?: Date } = {}): Promise<Report> {
  const now = options.now ?? new Date();
  const from = floorHour(filter.from);
  const to = ceilHour(filter.to);
  const previousFrom = new Date(from.getTime() - (to.getTime() - from.getTime()));
  const [current, previous] = await Promise.all([
    builders[name](db, { ...filter, from, to }, now),
    builders[name](db, { ...filter, from: previousFrom, to: from }, now),
  ]);
  const { from: _from, to: _to, ...rest } = filter;
  return {
    report: name,
    from: from.toISOString(),
    to: to.toISOString(),
    previousFrom: previousFrom.toISOString(),
    filter: rest,
    totals: current.totals,
    previous: previous.totals,
    columns: current.columns,
    rows: current.rows,
    extra: current.extra,
  };
}
