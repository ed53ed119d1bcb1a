import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { at, connection, session, status } from './scenario';
import { addStations } from '../billing/fixtures';
import { buildReport } from '@/lib/analytics/build-report';
import { refreshRollups } from '@/lib/analytics/refresh-rollups';
import { systemActor } from '@/lib/auth/roles';
import { assignSiteStations } from '@/lib/sites/assign-site-stations';
import { createSite } from '@/lib/sites/create-site';
import { createSiteSchema } from '@/lib/sites/schemas';

/**
 * A report from 1 March 00:00 UTC reads Berlin's March (from 28 February 23:00 UTC) as its monthly row
 * less the hour before the range. BER-1 is seen from 28 February 20:00 UTC, always connected:
 *  - session 1, 28 Feb 23:10–23:50 UTC (0 → 4,000 Wh, 22 kW at 23:30): outside the range, but March's
 *    peak (it is local 1 March 00:10);
 *  - session 2, 10 March 10:00–11:00 UTC (4,000 → 10,000 Wh, 7 kW at 10:30; a Tuesday, 11:00 local).
 */
const now = at('2026-05-01T00:00:00');
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await addStations(t.db, 'BER-1');
  const site = await createSite(t.db, systemActor, createSiteSchema.parse({ name: 'Berlin', timeZone: 'Europe/Berlin' }));
  await assignSiteStations(t.db, systemActor, site.id, ['BER-1']);
  await connection(t.db, 'BER-1', '2026-02-28T20:00:00', null);
  await status(t.db, 'BER-1', 'Available', '2026-02-28T20:00:00');
  await status(t.db, 'BER-1', 'Charging', '2026-02-28T23:10:00');
  await session(t.db, 'BER-1', { start: '2026-02-28T23:10:00', meterStart: 0, readings: [['2026-02-28T23:30:00', 2000, 22_000]], stop: ['2026-02-28T23:50:00', 4000] });
  await status(t.db, 'BER-1', 'Available', '2026-02-28T23:50:00');
  await status(t.db, 'BER-1', 'Charging', '2026-03-10T10:00:00');
  await session(t.db, 'BER-1', { start: '2026-03-10T10:00:00', meterStart: 4000, readings: [['2026-03-10T10:30:00', 7000, 7000]], stop: ['2026-03-10T11:00:00', 10_000] });
  await status(t.db, 'BER-1', 'Available', '2026-03-10T11:00:00');
  await refreshRollups(t.db, { from: at('2026-02-28T00:00:00'), to: now, now });
});
afterAll(() => t?.drop());

describe('a partial local month read as its month less the outside part', () => {
  it('gives the sums of the range only, and the peak inside it when the outside hour holds the month’s peak', async () => {
    const range = { from: at('2026-03-01T00:00:00'), to: at('2026-05-01T00:00:00') };
    const energy = await buildReport(t.db, 'energy', range, { now });
    expect(energy.totals).toMatchObject({ sessions: 1, energyKwh: 6, avgDurationMinutes: 60, avgEnergyKwh: 6, peakPowerKw: 7 });
    const wider = await buildReport(t.db, 'energy', { from: at('2026-02-28T00:00:00'), to: range.to }, { now });
    expect(wider.totals).toMatchObject({ sessions: 2, energyKwh: 10, peakPowerKw: 22 });

    const utilization = await buildReport(t.db, 'utilization', range, { now });
    const observed = (range.to.getTime() - range.from.getTime()) / 1000;
    expect(utilization.totals).toMatchObject({ observedSeconds: observed, chargingSeconds: 3600, availableSeconds: observed - 3600, offlineSeconds: 0 });
    // Tuesdays 3 March – 28 April (9, all whole local days): one hour of charging at 11:00 local.
    const heatmap = (utilization.extra as { heatmap: { weekday: number; hour: number; occupiedShare: number | null }[] }).heatmap;
    expect(heatmap.find((c) => c.weekday === 2 && c.hour === 11)?.occupiedShare).toBe(Math.round(10_000 / 9) / 10_000);
    expect(heatmap.filter((c) => (c.occupiedShare ?? 0) > 0)).toHaveLength(1);
  });

  it('gives uptime port-months over local days from the one containing from: March less its first two days', async () => {
    // Local 3 March 00:00 is 2 March 23:00 UTC; March ends 31 March 22:00 UTC (CEST): 28 days and 23 hours.
    const uptime = await buildReport(t.db, 'uptime', { from: at('2026-03-03T00:00:00'), to: now }, { now });
    expect(uptime.rows).toEqual([
      { month: '2026-03', stationId: 'BER-1', connectorId: 1, uptime: 1, observedSeconds: 28 * 86_400 + 23 * 3600, exemptSeconds: 0 },
      { month: '2026-04', stationId: 'BER-1', connectorId: 1, uptime: 1, observedSeconds: 30 * 86_400, exemptSeconds: 0 },
    ]);
    expect(uptime.previous).toEqual({ uptime: 1, ports: 1, portsBelowTarget: 0 });
  });
});
