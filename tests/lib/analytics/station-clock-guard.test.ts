import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { at, connection, status } from './scenario';
import { addEnergyReadings, addStations, startSession } from '../billing/fixtures';
import { MAX_BACKFILL_MS, refreshChangedRollups } from '@/lib/analytics/refresh-changed-rollups';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

const hourly = async () => (await t.db.execute<{ n: number; first: string | null }>(sql`select count(*)::int as n, min(hour_start) as first from connector_hourly_stats`))[0]!;

it('does not recompute every hour since 1970 when a station that lost its clock reports a sample from then', async () => {
  await addStations(t.db, 'CLOCK-1');
  await connection(t.db, 'CLOCK-1', '2026-11-20T08:00:00', null);
  await status(t.db, 'CLOCK-1', 'Charging', '2026-11-20T08:00:00');
  const session = await startSession(t.db, { stationId: 'CLOCK-1', startedAt: at('2026-11-20T08:00:00'), meterStart: 0 });
  await addEnergyReadings(t.db, session, [[at('2026-11-20T09:00:00'), 5000]]);
  const first = await refreshChangedRollups(t.db, at('2026-11-20T10:00:00'));
  expect(first).toMatchObject({ refreshed: true });
  expect(first.clampedFrom).toBeUndefined();
  const before = await hourly();

  await addEnergyReadings(t.db, session, [[at('1970-01-01T00:00:10'), 5100]]);
  const now = at('2026-11-20T11:00:00');
  const second = await refreshChangedRollups(t.db, now);
  expect(second.clampedFrom).toEqual(at('1970-01-01T00:00:10'));
  expect(second.from!.getTime()).toBeGreaterThanOrEqual(now.getTime() - MAX_BACKFILL_MS - 3_600_000);
  const after = await hourly();
  // Only the hours since the floor were recomputed: none before the station's first hour were made.
  expect(after.first).toEqual(before.first);
  expect(after.n).toBeLessThan(24 * 40);
});

it('still takes in rows a station uploads late, within the backfill window (an offline queue of last week)', async () => {
  await addStations(t.db, 'LATE-1');
  await connection(t.db, 'LATE-1', '2026-11-13T08:00:00', '2026-11-13T12:00:00');
  await status(t.db, 'LATE-1', 'Charging', '2026-11-13T08:00:00');
  const result = await refreshChangedRollups(t.db, at('2026-11-20T12:00:00'));
  expect(result.clampedFrom).toBeUndefined();
  expect(result.from).toEqual(at('2026-11-13T08:00:00'));
  const [row] = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from connector_hourly_stats where station_id = 'LATE-1' and hour_start < ${at('2026-11-14T00:00:00').toISOString()}::timestamptz`);
  expect(row!.n).toBeGreaterThan(0);
});
