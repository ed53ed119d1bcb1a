import type { Db } from '../db/client';
import type { ReportFilter } from '../db/queries/analytics-reports';
import { buildEnergyReport } from './energy-report';
import { buildFaultsReport } from './faults-report';
import { ceilHour, floorHour } from './refresh-rollups';
import type { Report, ReportName, ReportPart } from './report-types';
import { buildRevenueReport } from './revenue-report';
import { buildUptimeReport } from './uptime-report';
import { buildUtilizationReport } from './utilization-report';

/** `totals`: only the headline figures are used (the previous period), so a builder may skip the rest. */
export type ReportScope = 'full' | 'totals';

const builders: Record<ReportName, (db: Db, filter: ReportFilter, scope: ReportScope) => Promise<ReportPart>> = {
  utilization: buildUtilizationReport,
  energy: buildEnergyReport,
  revenue: buildRevenueReport,
  uptime: buildUptimeReport,
  faults: buildFaultsReport,
};

/**
 * One report over [from, to) (widened to whole hours) from the rollups, with the totals of the
 * previous period of the same length for comparison (read the same way, without the parts that only
 * the current period shows). `options.now` is accepted for callers' symmetry with the refresh; the
 * reports read only the rollups, which carry the time they were built up to.
 */
export async function buildReport(db: Db, name: ReportName, filter: ReportFilter, options: { now?: Date } = {}): Promise<Report> {
  const from = floorHour(filter.from);
  const to = ceilHour(filter.to);
  const previousFrom = new Date(from.getTime() - (to.getTime() - from.getTime()));
  const [current, previous] = await Promise.all([
    builders[name](db, { ...filter, from, to }, 'full'),
    builders[name](db, { ...filter, from: previousFrom, to: from }, 'totals'),
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
