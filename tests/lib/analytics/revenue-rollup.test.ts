import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { at, seedBerlinNight, session } from './scenario';
import { buildReport } from '@/lib/analytics/build-report';
import { rebuildRollups, refreshRollups } from '@/lib/analytics/refresh-rollups';

/**
 * BER-1 (Berlin, DST from 29 March 2026; €2 flat + 19 % VAT = €2.38 a session) with three stopped
 * sessions: 28 March 23:45 UTC (00:45 local on the 29th), 31 March 21:30 UTC (23:30 local: still
 * March) and 31 March 22:30 UTC (00:30 local: April). Berlin's March is 28 Feb 23:00 → 31 Mar 22:00 UTC.
 */
const now = at('2026-04-02T00:00:00');
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedBerlinNight(t.db);
  await session(t.db, 'BER-1', { start: '2026-03-31T21:00:00', meterStart: 6000, readings: [], stop: ['2026-03-31T21:30:00', 7000] });
  await session(t.db, 'BER-1', { start: '2026-03-31T22:00:00', meterStart: 7000, readings: [], stop: ['2026-03-31T22:30:00', 8000] });
  await refreshRollups(t.db, { from: at('2026-03-28T00:00:00'), to: now, now });
});
afterAll(() => t?.drop());

const monthlyRows = async () =>
  (await t.db.execute<Record<string, unknown>>(sql`select station_id, month, month_start, month_end, time_zone, payment_method, currency, sessions, net, vat, gross
    from station_monthly_revenue order by station_id, month`)).map((r) => [r.station_id, r.month, new Date(r.month_start as string).toISOString(),
    new Date(r.month_end as string).toISOString(), r.time_zone, r.payment_method, r.currency, Number(r.sessions), Number(r.net), Number(r.vat), Number(r.gross)]);

const gross = async (from: string, to: string) => {
  const report = await buildReport(t.db, 'revenue', { from: at(from), to: at(to) }, { now });
  return [report.totals.sessions, report.totals.gross ?? 0];
};

describe('monthly revenue rollup', () => {
  it('sums stored revenue per station and local month, split at Berlin’s month end (a DST month)', async () => {
    expect(await monthlyRows()).toEqual([
      ['BER-1', '2026-03-01', '2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z', 'Europe/Berlin', 'invoice', 'EUR', 2, 400, 76, 476],
      ['BER-1', '2026-04-01', '2026-03-31T22:00:00.000Z', '2026-04-30T22:00:00.000Z', 'Europe/Berlin', 'invoice', 'EUR', 1, 200, 38, 238],
    ]);
  });

  it('gives the report the same figures whether it reads whole months or stored sessions', async () => {
    // Berlin's March and April, whole: read from the two monthly rows.
    expect(await gross('2026-02-28T23:00:00', '2026-04-30T22:00:00')).toEqual([3, 7.14]);
    // April and a day after it: the monthly row plus the sessions of 30 April 22:00 → 2 May (none).
    expect(await gross('2026-03-31T22:00:00', '2026-05-02T00:00:00')).toEqual([1, 2.38]);
    // UTC March: no Berlin month lies wholly inside, so every session in it is read (all three).
    expect(await gross('2026-03-01T00:00:00', '2026-04-01T00:00:00')).toEqual([3, 7.14]);
    // The hour across Berlin's month end: only the 22:30 session; the DST night alone: the first one.
    expect(await gross('2026-03-31T22:00:00', '2026-03-31T23:00:00')).toEqual([1, 2.38]);
    expect(await gross('2026-03-28T23:00:00', '2026-03-29T03:00:00')).toEqual([1, 2.38]);
  });

  it('is rebuilt from scratch to the same rows as the incremental refresh left', async () => {
    const incremental = await monthlyRows();
    await t.db.execute(sql`delete from station_monthly_revenue`);
    await rebuildRollups(t.db, { now });
    expect(await monthlyRows()).toEqual(incremental);
  });
});
