import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { Db } from '../db/client';
import { buildReport } from './build-report';
import { getLocalMonthRange } from '../db/queries/analytics-reports';
import type { Figures, ReportName } from './report-types';

export interface OwnerReportInput {
  siteId: string;
  siteName: string;
  timeZone: string;
  /** YYYY-MM in the site's time zone. */
  month: string;
}

const line = (figures: Figures, key: string, unit = '') => `${key}: ${figures[key] === null || figures[key] === undefined ? '—' : `${figures[key]}${unit}`}`;
const percent = (value: Figures[string] | undefined) => (typeof value === 'number' ? `${(value * 100).toFixed(1)} %` : '—');

/** A one-page monthly report for a site's owner: energy, sessions, revenue, utilization, uptime, faults. */
export async function buildOwnerReportPdf(db: Db, input: OwnerReportInput, now = new Date()): Promise<Uint8Array> {
  const range = await getLocalMonthRange(db, input.month, input.timeZone);
  const filter = { ...range, siteId: input.siteId };
  const build = (name: ReportName) => buildReport(db, name, filter, { now });
  const [energy, revenue, utilization, uptime, faults] = await Promise.all([build('energy'), build('revenue'), build('utilization'), build('uptime'), build('faults')]);
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${input.siteName} — ${input.month}`);
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let y = 790;
  const write = (text: string, options: { size?: number; heading?: boolean } = {}) => {
    const size = options.size ?? 11;
    // Standard fonts encode WinAnsi only: keep the text to it.
    page.drawText(text.replace(/[^\x20-\x7e\u00a0-\u00ff€]/g, '-'), { x: 50, y, size, font: options.heading ? bold : font, color: rgb(0.1, 0.1, 0.1) });
    y -= size + 8;
  };
  write(`Monthly report: ${input.siteName}`, { size: 18, heading: true });
  write(`${input.month} (${input.timeZone}) · ${range.from.toISOString()} - ${range.to.toISOString()}`, { size: 9 });
  y -= 8;
  write('Sessions and energy', { heading: true });
  for (const key of ['sessions', 'energyKwh', 'avgDurationMinutes', 'avgEnergyKwh', 'peakPowerKw']) write(line(energy.totals, key));
  write('Revenue', { heading: true });
  for (const key of ['net', 'vat', 'gross', 'currency']) write(line(revenue.totals, key));
  write('Utilization', { heading: true });
  for (const state of ['charging', 'idle', 'available', 'unavailable', 'faulted', 'offline']) write(`${state}: ${percent(utilization.totals[`${state}Share`])}`);
  write('Uptime (97 % target)', { heading: true });
  write(`site: ${percent(uptime.totals.uptime)}; ports below target: ${uptime.totals.portsBelowTarget}`);
  for (const row of (uptime.extra.below as { stationId: string; connectorId: number; uptime: number }[]).slice(0, 10)) write(`  ${row.stationId} / ${row.connectorId}: ${percent(row.uptime)}`);
  write('Faults', { heading: true });
  write(`${faults.totals.faults} faults; MTBF ${faults.totals.mtbfHours ?? '—'} h; MTTR ${faults.totals.mttrMinutes ?? '—'} min`);
  write('Stations by energy', { heading: true });
  for (const row of [...energy.rows].sort((a, b) => Number(b.energyKwh) - Number(a.energyKwh)).slice(0, 10)) write(`  ${row.stationId}: ${row.energyKwh} kWh, ${row.sessions} sessions`);
  return pdf.save();
}
