import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { syncAlerts } from '@/lib/alerts/sync-alerts';
import { listAlerts } from '@/lib/db/queries/alerts';

let t: TestDatabase;
const t0 = new Date('2026-03-01T12:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.execute(sql`insert into stations (id, online, last_seen_at) values ('A', false, ${t0.toISOString()}::timestamptz), ('B', true, ${t0.toISOString()}::timestamptz)`);
  await t.db.execute(sql`insert into connectors (station_id, connector_id, status, error_code, status_at) values ('B', 1, 'Faulted', 'OverCurrentFailure', ${t0.toISOString()}::timestamptz)`);
});
afterAll(() => t.drop());

describe('syncAlerts against real rows', () => {
  it('raises each alert once, however often it runs', async () => {
    const first = await syncAlerts(t.db, later(10));
    expect(first.raised.map((alert) => alert.key).sort()).toEqual(['connector_faulted:B:1', 'station_offline:A']);
    const again = await Promise.all([syncAlerts(t.db, later(11)), syncAlerts(t.db, later(11))]);
    expect(again.flatMap((run) => run.raised)).toEqual([]);
    expect(await listAlerts(t.db, { state: 'open' })).toHaveLength(2);
  });

  it('raises and clears thousands at once (a fleet-wide outage), within the parameter limit', async () => {
    await t.db.execute(sql`insert into stations (id, online, last_seen_at) select 'BULK-' || n, false, ${t0.toISOString()}::timestamptz from generate_series(1, 7000) n`);
    const outage = await syncAlerts(t.db, later(10.5));
    expect(outage.raised).toHaveLength(7000);
    await t.db.execute(sql`delete from stations where id like 'BULK-%'`);
    const recovered = await syncAlerts(t.db, later(10.6));
    expect(recovered.cleared).toHaveLength(7000);
  });

  it('clears an alert when its condition is gone, and raises a new one if it comes back', async () => {
    await t.db.execute(sql`update connectors set status = 'Available', error_code = 'NoError' where station_id = 'B'`);
    const cleared = await syncAlerts(t.db, later(12));
    expect(cleared.cleared.map((alert) => [alert.key, alert.resolvedBy])).toEqual([['connector_faulted:B:1', 'system']]);
    await t.db.execute(sql`update connectors set status = 'Faulted', error_code = 'GroundFailure' where station_id = 'B'`);
    const back = await syncAlerts(t.db, later(13));
    expect(back.raised.map((alert) => alert.message)).toEqual(['B connector 1 faulted: GroundFailure']);
    expect(await listAlerts(t.db, { stationId: 'B' })).toHaveLength(2);
  });
});
