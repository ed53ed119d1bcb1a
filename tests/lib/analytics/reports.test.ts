import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { at, seedBerlinNight, seedMonthEnd } from './scenario';
import { buildReport } from '@/lib/analytics/build-report';
import { refreshRollups } from '@/lib/analytics/refresh-rollups';
import { reportToCsv } from '@/lib/analytics/report-csv';
import { createUptimeExemption } from '@/lib/analytics/uptime-exemptions';
import { systemActor } from '@/lib/auth/roles';
import { stations } from '@/lib/db/schema';

/**
 * Two stations (see scenario.ts), reports over 2026-03-28 00:00 → 2026-04-02 00:00 UTC with the
 * clock at 2026-04-01 04:00. BER-1 is observed 22:00 (28th) → now = 78 h: charging 30 + 45 min,
 * idle 30 min, faulted 30 min, offline 1 h, available the rest. UTC-1 is observed 8 h: available 1 h
 * + 2 h, charging 1 h while connected, offline 4 h (charging on through the first 2.5 of them).
 */
const now = at('2026-04-01T04:00:00');
const range = { from: at('2026-03-28T00:00:00'), to: at('2026-04-02T00:00:00') };
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedBerlinNight(t.db);
  await seedMonthEnd(t.db);
  await t.db.update(stations).set({ vendor: 'ACME', model: 'X1', firmwareVersion: '1.0' }).where(eq(stations.id, 'BER-1'));
  await refreshRollups(t.db, { from: at('2026-03-28T00:00:00'), to: now, now });
});
afterAll(() => t?.drop());

describe('reports from the rollups, checked by hand', () => {
  it('utilization: seconds and shares per state, and the local weekday × hour heatmap', async () => {
    const report = await buildReport(t.db, 'utilization', range, { now });
    expect(report.totals).toMatchObject({
      observedSeconds: 309_600,
      chargingSeconds: 8100,
      idleSeconds: 1800,
      availableSeconds: 279_900,
      unavailableSeconds: 0,
      faultedSeconds: 1800,
      offlineSeconds: 18_000,
      offlineShare: 0.0581,
    });
    expect(report.rows.find((r) => r.stationId === 'UTC-1')).toMatchObject({ chargingSeconds: 3600, availableSeconds: 10_800, offlineSeconds: 14_400 });
    const heatmap = report.extra.heatmap as { weekday: number; hour: number }[];
    const cell = (weekday: number, hour: number) => heatmap.find((c) => c.weekday === weekday && c.hour === hour);
    // Sunday 29 March 00:00–01:00 Berlin (23:00–24:00 UTC): charging then Finishing, occupied all hour.
    expect(cell(7, 0)).toEqual({ weekday: 7, hour: 0, occupiedShare: 1 });
    // Saturday 28 March 23:00 Berlin (a partial local day, read from the hourly rollups): charging half of it.
    expect(cell(6, 23)).toEqual({ weekday: 6, hour: 23, occupiedShare: 0.5 });
    expect(report.previous).toMatchObject({ observedSeconds: 0, chargingShare: null });
  });

  it('energy: sessions, kWh, averages, peak power and session lengths', async () => {
    const report = await buildReport(t.db, 'energy', range, { now });
    // 75 min and 210 min; 5 and 3 kWh.
    expect(report.totals).toEqual({ sessions: 2, energyKwh: 8, avgDurationMinutes: 142.5, avgEnergyKwh: 4, peakPowerKw: 11 });
    expect(report.extra.lengths).toEqual([
      { bucket: '<15 min', sessions: 0 },
      { bucket: '15–30 min', sessions: 0 },
      { bucket: '30–60 min', sessions: 0 },
      { bucket: '1–2 h', sessions: 1 },
      { bucket: '2–4 h', sessions: 1 },
      { bucket: '4–8 h', sessions: 0 },
      { bucket: '≥8 h', sessions: 0 },
    ]);
    // 0 → 2,000 Wh over 21:00–00:00 belongs to March; 2,000 → 3,000 Wh over 00:00–00:30 to 1 April.
    const april = await buildReport(t.db, 'energy', { from: at('2026-04-01T00:00:00'), to: at('2026-04-02T00:00:00') }, { now });
    expect(april.totals).toMatchObject({ sessions: 0, energyKwh: 1 });
    expect(april.previous).toMatchObject({ sessions: 1, energyKwh: 2 });
  });

  it('revenue: net, VAT and gross in the tariff currency by site, tariff and payment method', async () => {
    const report = await buildReport(t.db, 'revenue', range, { now });
    // €2 flat + 19 % VAT; UTC-1 has no tariff, so nothing to count. Not settled (no wallet debit, no card payment, no subscription): invoice.
    expect(report.totals).toEqual({ sessions: 1, net: 2, vat: 0.38, gross: 2.38, currency: 'EUR' });
    expect(reportToCsv(report)).toBe('siteName,tariffName,paymentMethod,currency,sessions,net,vat,gross\r\nBerlin,Flat 2,invoice,EUR,1,2,0.38,2.38\r\n');
  });

  it('uptime per port per month, with the ports under 97 %, and after an exemption', async () => {
    const march = { from: at('2026-03-01T00:00:00'), to: at('2026-05-01T00:00:00') };
    const before = await buildReport(t.db, 'uptime', march, { now });
    expect(before.rows.map((r) => [r.month, r.stationId, r.uptime])).toEqual([
      ['2026-03', 'BER-1', 0.97917], // 72 h observed until Berlin midnight (22:00 UTC): (259,200 − 1,800 faulted − 3,600 offline) / 259,200
      ['2026-03', 'UTC-1', 0.5],
      ['2026-04', 'BER-1', 1],
      ['2026-04', 'UTC-1', 0.5],
    ]);
    expect(before.totals).toMatchObject({ ports: 2, portsBelowTarget: 1 });
    expect(before.extra.below).toEqual([
      { stationId: 'UTC-1', connectorId: 1, month: '2026-03', uptime: 0.5 },
      { stationId: 'UTC-1', connectorId: 1, month: '2026-04', uptime: 0.5 },
    ]);

    await createUptimeExemption(t.db, systemActor, { stationId: 'UTC-1', connectorId: null, startsAt: at('2026-03-31T22:00:00'), endsAt: at('2026-04-01T02:00:00'), reason: 'Grid outage' }, now);
    const after = await buildReport(t.db, 'uptime', march, { now });
    expect(after.rows.filter((r) => r.stationId === 'UTC-1').map((r) => [r.month, r.uptime, r.exemptSeconds])).toEqual([
      ['2026-03', 1, 7200],
      ['2026-04', 1, 7200],
    ]);
    expect(after.extra.below).toEqual([]);
    expect(after.totals).toMatchObject({ portsBelowTarget: 0 });
  });

  it('faults by error code and model, with MTBF and MTTR', async () => {
    const report = await buildReport(t.db, 'faults', range, { now });
    // Up time: BER-1 275,400 s + UTC-1 14,400 s = 289,800 s = 80.5 h for one fault of 30 min.
    expect(report.totals).toEqual({ faults: 1, mtbfHours: 80.5, mttrMinutes: 30 });
    expect(report.rows).toEqual([{ errorCode: 'GroundFailure', vendorErrorCode: 'E42', vendor: 'ACME', model: 'X1', firmware: '1.0', faults: 1, mttrMinutes: 30 }]);
    expect(report.extra.byModel).toEqual([{ vendor: 'ACME', model: 'X1', firmware: '1.0', faults: 1, mtbfHours: 76.5, mttrMinutes: 30 }]);
  });

  it('filters by station and site', async () => {
    const report = await buildReport(t.db, 'energy', { ...range, stationId: 'UTC-1' }, { now });
    expect(report.totals).toMatchObject({ sessions: 1, energyKwh: 3 });
  });
});
