import { z } from 'zod';
import { reportNames, type ReportName } from './report-types';

const DAY = 86_400_000;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/** The analytics page's search params: report tab, UTC dates (to inclusive, as people read them), filters. */
export const reportPageParams = z.object({
  report: z.enum(reportNames).default('utilization'),
  from: day.optional(),
  to: day.optional(),
  siteId: z.uuid().optional(),
  stationId: z.string().min(1).optional(),
  vendor: z.string().min(1).optional(),
  model: z.string().min(1).optional(),
  tariffId: z.uuid().optional(),
});
export type ReportPageParams = z.infer<typeof reportPageParams>;

/** Dates → the half-open UTC range the reports take; the last 30 days by default. */
export function reportRange(params: ReportPageParams, now: Date): { from: Date; to: Date; fromDay: string; toDay: string } {
  const today = new Date(Math.floor(now.getTime() / DAY) * DAY);
  const to = params.to ? new Date(new Date(`${params.to}T00:00:00Z`).getTime() + DAY) : new Date(today.getTime() + DAY);
  const from = params.from ? new Date(`${params.from}T00:00:00Z`) : new Date(to.getTime() - 30 * DAY);
  return { from, to, fromDay: from.toISOString().slice(0, 10), toDay: new Date(to.getTime() - DAY).toISOString().slice(0, 10) };
}

/** The REST URL of the same report (for CSV download links). */
export function reportApiUrl(report: ReportName, range: { from: Date; to: Date }, params: ReportPageParams, format: 'json' | 'csv'): string {
  const query = new URLSearchParams({ from: range.from.toISOString(), to: range.to.toISOString(), format });
  for (const key of ['siteId', 'stationId', 'vendor', 'model', 'tariffId'] as const) if (params[key]) query.set(key, params[key]!);
  return `/api/v1/reports/${report}?${query}`;
}
