import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { at, seedBerlinNight } from './scenario';
import { buildReport } from '@/lib/analytics/build-report';
import { refreshRollups } from '@/lib/analytics/refresh-rollups';
import { recordConnectorStatus } from '@/lib/db/queries/connectors';

/**
 * BER-1 (Berlin; DST on Sunday 29 March 2026, 01:00 UTC) as in reports.test.ts: connector 1 charges
 * 22:30–23:45 UTC on Saturday 28 March (local 23:30 → Sunday 00:45) and is Finishing until 00:15 UTC
 * (local 01:15: after the switch, 00:00 UTC is 01:00 local). Connector 2 is seen from Monday 30 March
 * 09:00 UTC and charges 10:00–11:00 UTC (12:00–13:00 CEST). Rolled up until 1 April 04:00 UTC (06:00 local).
 */
const now = at('2026-04-01T04:00:00');
let t: TestDatabase;

async function connector2(status: string, when: string) {
  await recordConnectorStatus(t.db, { stationId: 'BER-1', connectorId: 2, status, errorCode: 'NoError', info: null, vendorId: null, vendorErrorCode: null, at: at(when), receivedAt: at(when) });
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedBerlinNight(t.db);
  await connector2('Available', '2026-03-30T09:00:00');
  await connector2('Charging', '2026-03-30T10:00:00');
  await connector2('Available', '2026-03-30T11:00:00');
  await refreshRollups(t.db, { from: at('2026-03-28T00:00:00'), to: now, now });
});
afterAll(() => t?.drop());

/** Cell index of an ISO weekday (1 = Monday) and local hour in the 7 × 24 row-major array. */
const cell = (weekday: number, hour: number) => (weekday - 1) * 24 + hour;

describe('station heatmap rollup', () => {
  it('sums the connectors’ local weekday × hour cells per station and local month', async () => {
    const rows = await t.db.execute<Record<string, unknown>>(sql`select * from station_monthly_heatmap order by month`);
    const expectedMarch = Array<number>(168).fill(0);
    expectedMarch[cell(6, 23)] = 1800; // Saturday 23:30–24:00 charging
    expectedMarch[cell(7, 0)] = 3600; // Sunday 00:00–00:45 charging, 00:45–01:00 Finishing
    expectedMarch[cell(7, 1)] = 900; // 00:00–00:15 UTC Finishing is 01:00–01:15 CEST
    expectedMarch[cell(1, 12)] = 3600; // connector 2, Monday 12:00–13:00 CEST
    expect(rows.map((r) => [r.station_id, r.month, new Date(r.month_start as string).toISOString(), new Date(r.month_end as string).toISOString(), r.time_zone])).toEqual([
      ['BER-1', '2026-03-01', '2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z', 'Europe/Berlin'],
      ['BER-1', '2026-04-01', '2026-03-31T22:00:00.000Z', '2026-04-30T22:00:00.000Z', 'Europe/Berlin'],
    ]);
    expect(rows[0]!.occupied_by_weekday_hour).toEqual(expectedMarch);
    // Days with observed time, Monday first: connector 1 from Saturday 28, connector 2 from Monday 30.
    expect(rows[0]!.observed_days_by_weekday).toEqual([2, 2, 0, 0, 0, 1, 1]);
    expect(rows[1]!.occupied_by_weekday_hour).toEqual(Array(168).fill(0));
    expect(rows[1]!.observed_days_by_weekday).toEqual([0, 0, 2, 0, 0, 0, 0]);
  });

  it('gives the report the same heatmap over whole months as over their days and hours', async () => {
    const heatmap = async (from: string, to: string) => (await buildReport(t.db, 'utilization', { from: at(from), to: at(to) }, { now })).extra.heatmap;
    // Berlin's March whole (station month row) vs. the same instants read one hour short (days and hours only).
    const months = (await heatmap('2026-02-28T23:00:00', '2026-03-31T22:00:00')) as { weekday: number; hour: number; occupiedShare: number | null }[];
    const days = (await heatmap('2026-02-28T23:00:00', '2026-03-31T21:00:00')) as typeof months;
    const sunday0 = months.find((c) => c.weekday === 7 && c.hour === 0);
    expect(sunday0?.occupiedShare).toBe(1); // 3,600 s over 1 port-hour: only connector 1 was observed on a Sunday
    expect(days.find((c) => c.weekday === 7 && c.hour === 0)).toEqual(sunday0);
    expect(months.find((c) => c.weekday === 1 && c.hour === 12)?.occupiedShare).toBe(0.5); // 3,600 s over Monday's 2 port-hours
  });
});
