import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { at, seedBerlinNight, seedMonthEnd, status } from './scenario';
import { buildReport } from '@/lib/analytics/build-report';
import { refreshRollups } from '@/lib/analytics/refresh-rollups';
import { reportNames } from '@/lib/analytics/report-types';
import { stations } from '@/lib/db/schema';

/**
 * BER-1 (Berlin, DST from 29 March) and UTC-1 (no site) as in reports.test.ts, plus BER-1 Unavailable
 * across Berlin's month end (31 March 21:30 → 22:30 UTC, i.e. 23:30 → 00:30 local), seen until 1 April 04:00.
 */
const now = at('2026-04-01T04:00:00');
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedBerlinNight(t.db);
  await seedMonthEnd(t.db);
  await status(t.db, 'BER-1', 'Unavailable', '2026-03-31T21:30:00');
  await status(t.db, 'BER-1', 'Available', '2026-03-31T22:30:00');
  await t.db.update(stations).set({ vendor: 'ACME', model: 'X1', firmwareVersion: '1.0' }).where(eq(stations.id, 'BER-1'));
  await refreshRollups(t.db, { from: at('2026-03-28T00:00:00'), to: now, now });
});
afterAll(() => t?.drop());

const FIGURES = ['observed_seconds', 'charging_seconds', 'idle_seconds', 'available_seconds', 'unavailable_seconds', 'faulted_seconds', 'offline_seconds',
  'exempt_seconds', 'exempt_up_seconds', 'sessions_started', 'sessions_stopped', 'session_seconds', 'session_energy_wh', 'energy_wh', 'faults',
  'revenue_net', 'revenue_vat', 'revenue_gross'] as const;

describe('monthly rollups', () => {
  it('are the sums of their local days, with month boundaries in the site time zone (a DST month included)', async () => {
    const months = await t.db.execute<Record<string, unknown>>(sql`select * from connector_monthly_stats order by station_id, month`);
    const days = await t.db.execute<Record<string, unknown>>(sql`select * from connector_daily_stats order by station_id, day`);
    expect(months.map((m) => [m.station_id, m.month, new Date(m.month_start as string).toISOString(), new Date(m.month_end as string).toISOString(), m.time_zone])).toEqual([
      // March in Berlin: 23:00 UTC (CET) → 22:00 UTC (CEST), 743 hours.
      ['BER-1', '2026-03-01', '2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z', 'Europe/Berlin'],
      ['BER-1', '2026-04-01', '2026-03-31T22:00:00.000Z', '2026-04-30T22:00:00.000Z', 'Europe/Berlin'],
      ['UTC-1', '2026-03-01', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', 'UTC'],
      ['UTC-1', '2026-04-01', '2026-04-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z', 'UTC'],
    ]);
    for (const month of months) {
      const inMonth = days.filter((d) => d.station_id === month.station_id && String(d.day).slice(0, 7) === String(month.month).slice(0, 7));
      expect(inMonth.length).toBeGreaterThan(0);
      for (const figure of FIGURES) expect(Number(month[figure]), `${String(month.station_id)} ${String(month.month)} ${figure}`).toBe(inMonth.reduce((n, d) => n + Number(d[figure]), 0));
      expect(Number(month.peak_power_w)).toBe(Math.max(...inMonth.map((d) => Number(d.peak_power_w))));
      expect(month.length_histogram).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => inMonth.reduce((n, d) => n + (d.length_histogram as number[])[i]!, 0)));
      const observed = inMonth.filter((d) => Number(d.observed_seconds) > 0);
      const weekday = (d: Record<string, unknown>) => (new Date(`${String(d.day)}T12:00:00Z`).getUTCDay() + 6) % 7;
      expect(month.observed_days_by_weekday).toEqual([0, 1, 2, 3, 4, 5, 6].map((w) => observed.filter((d) => weekday(d) === w).length));
      expect(month.occupied_by_weekday_hour).toEqual(Array.from({ length: 168 }, (_, i) =>
        observed.filter((d) => weekday(d) === Math.floor(i / 24)).reduce((n, d) => n + (d.occupied_by_hour as number[])[i % 24]!, 0)));
    }
    // The hour across Berlin's month end is split between March (21:30–22:00 UTC) and April.
    const berlin = months.filter((m) => m.station_id === 'BER-1').map((m) => Number(m.unavailable_seconds));
    expect(berlin).toEqual([1800, 1800]);
  });

  it('give the same reports over long ranges (whole months read from them) as the days and hours do', async () => {
    // Every local day with data lies wholly inside each range (the heatmap counts a partial day by its hours, a whole one as 24).
    const short = { from: at('2026-03-27T00:00:00'), to: at('2026-04-03T00:00:00') };
    const ranges = [
      { from: at('2026-02-01T00:00:00'), to: at('2026-06-01T00:00:00') }, // whole months for both stations
      { from: at('2026-03-01T00:00:00'), to: at('2026-05-01T00:00:00') }, // Berlin's March starts before: its days are read
      { from: at('2026-03-15T00:00:00'), to: at('2026-04-15T13:00:00') }, // no whole month
    ];
    for (const name of reportNames.filter((n) => n !== 'uptime')) {
      const expected = await buildReport(t.db, name, short, { now });
      for (const range of ranges) {
        const report = await buildReport(t.db, name, range, { now });
        expect({ totals: report.totals, rows: report.rows, extra: report.extra }, `${name} ${range.from.toISOString()}`).toEqual({ totals: expected.totals, rows: expected.rows, extra: expected.extra });
      }
    }
    const uptime = await buildReport(t.db, 'uptime', { from: at('2026-03-25T00:00:00'), to: at('2026-04-25T00:00:00') }, { now });
    const whole = await buildReport(t.db, 'uptime', { from: at('2026-02-01T00:00:00'), to: at('2026-06-01T00:00:00') }, { now });
    expect(whole.rows).toEqual(uptime.rows);
    expect(uptime.rows.length).toBe(4);
  });
});
