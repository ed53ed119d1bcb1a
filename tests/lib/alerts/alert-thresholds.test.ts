import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { routeClient } from '../sites/route-client';
import { systemActor } from '@/lib/auth/roles';
import { syncAlerts } from '@/lib/alerts/sync-alerts';
import { listAuditEntries } from '@/lib/db/queries/audit-log';
import { getAlertThresholds } from '@/lib/settings/get-settings';
import { updateSettings } from '@/lib/settings/update-settings';
import * as settingsRoute from '@/app/api/v1/settings/route';

let t: TestDatabase;
let api: Awaited<ReturnType<typeof routeClient>>;
const t0 = new Date('2026-03-01T12:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const evaluate = async (at: Date) => syncAlerts(t.db, at, await getAlertThresholds(t.db));
const openKeys = async () =>
  ((await t.db.execute(sql`select key from alerts where resolved_at is null order by key`)) as unknown as { key: string }[]).map((row) => row.key);

beforeAll(async () => {
  t = await createTestDatabase();
  api = await routeClient(t);
  await t.db.execute(sql`insert into stations (id, online, last_seen_at) values ('OFF-1', false, ${t0.toISOString()}::timestamptz), ('ON-1', true, ${t0.toISOString()}::timestamptz)`);
  // A session started at t0 whose only sample is at t0 (0 W while Charging from the start).
  await t.db.execute(sql`insert into connectors (station_id, connector_id, status, error_code, status_at) values ('ON-1', 1, 'Charging', 'NoError', ${t0.toISOString()}::timestamptz)`);
  await t.db.execute(sql`insert into transactions (station_id, connector_id, id_tag, auth_status, meter_start, started_at) values ('ON-1', 1, 'T', 'Accepted', 0, ${t0.toISOString()}::timestamptz)`);
});
afterAll(async () => {
  await api?.close();
  await t?.drop();
});

describe('alert thresholds from Settings (clock injected)', () => {
  it('uses the env defaults until an admin stores others', async () => {
    expect(await getAlertThresholds(t.db)).toEqual({ offlineAfterMinutes: 5, stuckNoMeterValuesMinutes: 15, stuckZeroPowerMinutes: 30, maxSessionHours: 24 });
    await evaluate(later(6));
    expect(await openKeys()).toEqual(['station_offline:OFF-1']);
  });

  it('fires each rule at the stored threshold, and the change is audited', async () => {
    await updateSettings(t.db, systemActor, { alertThresholds: { offlineAfterMinutes: 10, stuckNoMeterValuesMinutes: 120, stuckZeroPowerMinutes: 60, maxSessionHours: 3 } });
    const [entry] = await listAuditEntries(t.db, { action: 'settings.update' });
    expect(entry).toMatchObject({
      before: { alertThresholds: { offlineAfterMinutes: 5, maxSessionHours: 24 } },
      after: { alertThresholds: { offlineAfterMinutes: 10, stuckNoMeterValuesMinutes: 120, stuckZeroPowerMinutes: 60, maxSessionHours: 3 } },
    });
    await evaluate(later(6)); // 6 min silent < 10: the offline alert clears
    expect(await openKeys()).toEqual([]);
    await evaluate(later(11));
    expect(await openKeys()).toEqual(['station_offline:OFF-1']);
    // No meter values at all: 0 W is unknown, "no meter values" waits 120 min; the session limit is 3 h.
    await evaluate(later(119));
    expect(await openKeys()).toEqual(['station_offline:OFF-1']);
    await evaluate(later(121));
    expect(await openKeys()).toEqual(['station_offline:OFF-1', 'stuck_session:1']);
    const [stuck] = (await t.db.execute(sql`select message from alerts where key = 'stuck_session:1'`)) as unknown as { message: string }[];
    expect(stuck?.message).toContain('no meter values for 121 min');
  });

  it('uses the zero-power and session-length thresholds as stored', async () => {
    const stuckMessage = async () =>
      ((await t.db.execute(sql`select message from alerts where key = 'stuck_session:1' and resolved_at is null`)) as unknown as { message: string }[])[0]?.message;
    await updateSettings(t.db, systemActor, { alertThresholds: { stuckNoMeterValuesMinutes: 10_000, stuckZeroPowerMinutes: 10_000, maxSessionHours: 720 } });
    await t.db.execute(sql`insert into meter_values (station_id, connector_id, transaction_id, sampled_at, measurand, context, format, unit, value, raw_value, received_at)
      values ('ON-1', 1, 1, ${later(200).toISOString()}::timestamptz, 'Power.Active.Import', 'Sample.Periodic', 'Raw', 'W', 0, '0', now())`);
    await evaluate(later(205));
    expect(await openKeys()).toEqual(['station_offline:OFF-1']);
    await updateSettings(t.db, systemActor, { alertThresholds: { stuckZeroPowerMinutes: 60 } });
    await evaluate(later(206));
    expect(await stuckMessage()).toBe('Session 1 on ON-1 looks stuck: 0 W while charging for 206 min');
    await updateSettings(t.db, systemActor, { alertThresholds: { stuckZeroPowerMinutes: 10_000 } });
    await evaluate(later(207));
    expect(await stuckMessage()).toBeUndefined();
    await updateSettings(t.db, systemActor, { alertThresholds: { maxSessionHours: 3 } });
    await evaluate(later(208));
    expect(await stuckMessage()).toBe('Session 1 on ON-1 looks stuck: open for more than 3 h');
  });

  it('answers GET and PATCH /api/v1/settings with the thresholds; 400 names the field', async () => {
    const response = await api.call(settingsRoute.GET, { role: 'viewer' });
    expect(response.body.alertThresholds).toEqual({ offlineAfterMinutes: 10, stuckNoMeterValuesMinutes: 10_000, stuckZeroPowerMinutes: 10_000, maxSessionHours: 3 });
    const bad = await api.call(settingsRoute.PATCH, { role: 'admin', body: { alertThresholds: { maxSessionHours: 0 } } });
    expect(bad).toMatchObject({ status: 400, body: { error: { field: 'alertThresholds.maxSessionHours' } } });
    const forbidden = await api.call(settingsRoute.PATCH, { role: 'operator', body: { alertThresholds: { maxSessionHours: 5 } } });
    expect(forbidden.status).toBe(403);
  });
});
