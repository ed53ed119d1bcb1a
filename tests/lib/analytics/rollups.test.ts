import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { at, seedBerlinNight } from './scenario';
import { refreshRollups } from '@/lib/analytics/refresh-rollups';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedBerlinNight(t.db);
  await refreshRollups(t.db, { from: at('2026-03-28T00:00:00'), to: at('2026-03-29T06:00:00'), now: at('2026-03-29T05:00:00') });
});
afterAll(() => t?.drop());

const hourly = () =>
  t.db.execute(sql`select to_char(hour_start at time zone 'UTC', 'DD HH24') as h, observed_seconds::int as obs, charging_seconds::int as chg,
    idle_seconds::int as idle, available_seconds::int as avl, faulted_seconds::int as flt, offline_seconds::int as off,
    sessions_started::int as st, energy_wh::int as wh, peak_power_w::int as w, faults::int as f, revenue_gross::int as gross
    from connector_hourly_stats order by hour_start`);

describe('hourly and daily rollups of one connector', () => {
  // Energy: 1,000 → 3,000 Wh over 22:30–23:00 lands in the 22:00 hour; 3,000 → 6,000 in the 23:00 hour.
  it('splits every hour into states, with offline winning over the reported status', async () => {
    expect(await hourly()).toEqual([
      { h: '28 22', obs: 3600, chg: 1800, idle: 0, avl: 1800, flt: 0, off: 0, st: 1, wh: 2000, w: 0, f: 0, gross: 0 },
      { h: '28 23', obs: 3600, chg: 2700, idle: 900, avl: 0, flt: 0, off: 0, st: 0, wh: 3000, w: 11_000, f: 0, gross: 238 },
      { h: '29 00', obs: 3600, chg: 0, idle: 900, avl: 2700, flt: 0, off: 0, st: 0, wh: 0, w: 0, f: 0, gross: 0 },
      { h: '29 01', obs: 3600, chg: 0, idle: 0, avl: 3600, flt: 0, off: 0, st: 0, wh: 0, w: 0, f: 0, gross: 0 },
      { h: '29 02', obs: 3600, chg: 0, idle: 0, avl: 1800, flt: 1800, off: 0, st: 0, wh: 0, w: 0, f: 1, gross: 0 },
      { h: '29 03', obs: 3600, chg: 0, idle: 0, avl: 0, flt: 0, off: 3600, st: 0, wh: 0, w: 0, f: 0, gross: 0 },
      { h: '29 04', obs: 3600, chg: 0, idle: 0, avl: 3600, flt: 0, off: 0, st: 0, wh: 0, w: 0, f: 0, gross: 0 },
    ]);
  });

  it('sums local days in Europe/Berlin, the DST day of 23 hours included', async () => {
    const days = await t.db.execute(sql`select day::text, day_start, day_end, observed_seconds::int as obs, charging_seconds::int as chg,
      idle_seconds::int as idle, available_seconds::int as avl, offline_seconds::int as off, energy_wh::int as wh, faults::int as f,
      occupied_by_hour[1]::int as h0, occupied_by_hour[2]::int as h1, occupied_by_hour[24]::int as h23 from connector_daily_stats order by day`);
    expect(days.map((d) => ({ ...d, day_start: new Date(d.day_start as string).toISOString(), day_end: new Date(d.day_end as string).toISOString() }))).toEqual([
      { day: '2026-03-28', day_start: '2026-03-27T23:00:00.000Z', day_end: '2026-03-28T23:00:00.000Z', obs: 3600, chg: 1800, idle: 0, avl: 1800, off: 0, wh: 2000, f: 0, h0: 0, h1: 0, h23: 1800 },
      { day: '2026-03-29', day_start: '2026-03-28T23:00:00.000Z', day_end: '2026-03-29T22:00:00.000Z', obs: 21_600, chg: 2700, idle: 1800, avl: 11_700, off: 3600, wh: 3000, f: 1, h0: 3600, h1: 900, h23: 0 },
    ]);
  });

  it('records the fault episode and the stored revenue', async () => {
    const episodes = await t.db.execute(sql`select started_at, ended_at, error_code, vendor_error_code from connector_fault_episodes`);
    expect(episodes.map((e) => [new Date(e.started_at as string).toISOString(), new Date(e.ended_at as string).toISOString(), e.error_code, e.vendor_error_code])).toEqual([
      ['2026-03-29T02:00:00.000Z', '2026-03-29T02:30:00.000Z', 'GroundFailure', 'E42'],
    ]);
    const [revenue] = await t.db.execute(sql`select net, vat, gross, currency, tariff_name from transaction_revenue`);
    expect(revenue).toEqual({ net: 200, vat: 38, gross: 238, currency: 'EUR', tariff_name: 'Flat 2' });
  });

  it('gives the same rows when run again over an overlapping range', async () => {
    const before = await hourly();
    await refreshRollups(t.db, { from: at('2026-03-28T23:10:00'), to: at('2026-03-29T02:10:00'), now: at('2026-03-29T05:00:00') });
    expect(await hourly()).toEqual(before);
  });
});
