import type { Report } from './report-types';

const cell = (value: unknown) => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The report's table as RFC 4180 CSV (header row = column names; CRLF line ends). */
export function reportToCsv(report: Pick<Report, 'columns' | 'rows'>): string {
  const lines = [report.columns.map(cell).join(','), ...report.rows.map((row) => report.columns.map((column) => cell(row[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
