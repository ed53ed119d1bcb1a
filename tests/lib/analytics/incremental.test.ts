import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { at, connection, status } from './scenario';
import { addEnergyReadings, addStations, startSession, stopSession } from '../billing/fixtures';
import { refreshChangedRollups, ROLLUPS_LOCK_KEY } from '@/lib/analytics/refresh-changed-rollups';
import { rebuildRollups } from '@/lib/analytics/refresh-rollups';
import { findMissingMonthlyRange, replaceMonthlyStats } from '@/lib/db/queries/analytics-monthly-rollups';
import { systemActor } from '@/lib/auth/roles';
import { stationConnections } from '@/lib/db/schema';
import { assignSiteStations } from '@/lib/sites/assign-site-stations';
import { createSite } from '@/lib/sites/create-site';
import { createSiteSchema } from '@/lib/sites/schemas';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

const snapshot = async () => ({
  hourly: await t.db.execute(sql`select * from connector_hourly_stats order by station_id, connector_id, hour_start`),
  daily: await t.db.execute(sql`select * from connector_daily_stats order by station_id, connector_id, day`),
  monthly: await t.db.execute(sql`select * from connector_monthly_stats order by station_id, connector_id, month`),
  faults: await t.db.execute(sql`select * from connector_fault_episodes order by station_id, started_at`),
});

describe('incremental maintenance', () => {
  it('ends with the same rollups as a rebuild from raw rows', async () => {
    await addStations(t.db, 'BER-1', 'UTC-1');
    const site = await createSite(t.db, systemActor, createSiteSchema.parse({ name: 'Berlin', timeZone: 'Europe/Berlin' }));
    await assignSiteStations(t.db, systemActor, site.id, ['BER-1']);
    for (const id of ['BER-1', 'UTC-1']) await connection(t.db, id, '2026-03-28T22:00:00', null);
    for (const id of ['BER-1', 'UTC-1']) await status(t.db, id, 'Available', '2026-03-28T22:00:00');
    await status(t.db, 'BER-1', 'Charging', '2026-03-28T22:30:00');
    const running = await startSession(t.db, { stationId: 'BER-1', startedAt: at('2026-03-28T22:30:00'), meterStart: 1000 });
    await addEnergyReadings(t.db, running, [[at('2026-03-28T23:00:00'), 3000]]);
    expect((await refreshChangedRollups(t.db, at('2026-03-28T23:05:00'))).refreshed).toBe(true);

    await addEnergyReadings(t.db, running, [[at('2026-03-28T23:30:00'), 5000]]);
    await stopSession(t.db, running, at('2026-03-28T23:45:00'), 6000);
    await status(t.db, 'BER-1', 'Finishing', '2026-03-28T23:45:00');
    await status(t.db, 'BER-1', 'Available', '2026-03-29T00:15:00');
    await refreshChangedRollups(t.db, at('2026-03-29T01:00:00'));

    await status(t.db, 'BER-1', 'Faulted', '2026-03-29T02:00:00', { errorCode: 'GroundFailure' });
    await status(t.db, 'UTC-1', 'Faulted', '2026-03-29T02:10:00', { errorCode: 'PowerMeterFailure' });
    await status(t.db, 'BER-1', 'Available', '2026-03-29T02:30:00');
    await t.db.update(stationConnections).set({ disconnectedAt: at('2026-03-29T03:00:00') }).where(eq(stationConnections.stationId, 'BER-1'));
    await refreshChangedRollups(t.db, at('2026-03-29T03:10:00'));

    await connection(t.db, 'BER-1', '2026-03-29T04:00:00', null);
    await status(t.db, 'UTC-1', 'Available', '2026-03-29T04:20:00');
    await refreshChangedRollups(t.db, at('2026-03-29T05:00:00'));
    const incremental = await snapshot();
    expect(incremental.hourly.length).toBe(14);
    expect(incremental.faults.length).toBe(2);
    // BER-1 in Berlin: March and April (local midnight 22:00 UTC on the 31st); UTC-1: March.
    expect(incremental.monthly.map((m) => `${m.station_id} ${m.month}`)).toEqual(['BER-1 2026-03-01', 'UTC-1 2026-03-01']);

    await t.db.execute(sql`truncate connector_hourly_stats, connector_daily_stats, connector_monthly_stats, connector_fault_episodes`);
    await rebuildRollups(t.db, { now: at('2026-03-29T05:00:00') });
    expect(await snapshot()).toEqual(incremental);
  });

  it('skips a run while another node holds the lock', async () => {
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${ROLLUPS_LOCK_KEY})`);
      expect(await refreshChangedRollups(t.db, at('2026-03-29T06:00:00'))).toEqual({ refreshed: false });
    });
    expect((await refreshChangedRollups(t.db, at('2026-03-29T06:00:00'))).refreshed).toBe(true);
  });

  it('fills in the monthly rows of rollups built before the monthly level, once', async () => {
    const before = await snapshot();
    await t.db.execute(sql`truncate connector_monthly_stats`);
    // BER-1's first Berlin day starts 28 March 23:00 UTC; the last UTC day ends 30 March 00:00.
    const missing = await findMissingMonthlyRange(t.db);
    expect(missing).toEqual({ from: at('2026-03-27T23:00:00'), to: at('2026-03-30T00:00:00') });
    await replaceMonthlyStats(t.db, missing!);
    expect(await snapshot()).toEqual(before);
    expect(await findMissingMonthlyRange(t.db)).toBeNull();
  });
});
