import type { ReportFilter } from '../db/queries/analytics-reports';

export const reportNames = ['utilization', 'energy', 'revenue', 'uptime', 'faults'] as const;
export type ReportName = (typeof reportNames)[number];

export type Cell = string | number | null;
export type Figures = Record<string, Cell>;

/**
 * What every report returns: headline figures for the range and for the previous period of the
 * same length, and one flat table (the CSV). Energy in kWh, money in currency units of `currency`,
 * times in ISO 8601 UTC. Extra chart series ride along per report.
 */
export interface Report<Extra = Record<string, unknown>> {
  report: ReportName;
  from: string;
  to: string;
  previousFrom: string;
  filter: Omit<ReportFilter, 'from' | 'to'>;
  totals: Figures;
  previous: Figures;
  columns: string[];
  rows: Figures[];
  extra: Extra;
}

export interface ReportPart<Extra = Record<string, unknown>> {
  totals: Figures;
  columns: string[];
  rows: Figures[];
  extra: Extra;
}

export const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;
export const share = (part: number, whole: number) => (whole > 0 ? round(part / whole, 4) : null);
export const kwh = (wh: number) => round(wh / 1000, 3);
