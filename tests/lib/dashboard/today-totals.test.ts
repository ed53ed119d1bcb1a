import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { addEnergyReadings, addStations, startSession, stopSession, utc } from '../billing/fixtures';
import { systemActor } from '@/lib/auth/roles';
import { getOverview } from '@/lib/dashboard/get-overview';
import { sumByCurrency } from '@/lib/dashboard/revenue-today';
import { createSite } from '@/lib/sites/create-site';
import { createSiteSchema } from '@/lib/sites/schemas';
import { assignSiteStations } from '@/lib/sites/assign-site-stations';
import { assignTariff } from '@/lib/tariffs/assign-tariff';
import { createTariff } from '@/lib/tariffs/create-tariff';

let t: TestDatabase;
let tokyoSession: Awaited<ReturnType<typeof startSession>>;
// 16:00 UTC on 2 March: already 01:00 on 3 March in Tokyo (midnight was 15:00 UTC), 11:00 in New York (midnight 05:00 UTC).
const now = utc('16:00');

beforeAll(async () => {
  t = await createTestDatabase();
  await addStations(t.db, 'TYO-1', 'NYC-1', 'FREE-1');
  const tokyo = await createSite(t.db, systemActor, createSiteSchema.parse({ name: 'Tokyo', timeZone: 'Asia/Tokyo' }));
  const newYork = await createSite(t.db, systemActor, createSiteSchema.parse({ name: 'New York', timeZone: 'America/New_York' }));
  await assignSiteStations(t.db, systemActor, tokyo.id, ['TYO-1']);
  await assignSiteStations(t.db, systemActor, newYork.id, ['NYC-1']);
  const flat = await createTariff(t.db, systemActor, { name: 'Flat', tariff: { currency: 'EUR', elements: [{ price_components: [{ type: 'FLAT', price: 2.5, vat: 20, step_size: 1 }] }] } }, utc('00:00', '2026-03-01'));
  await assignTariff(t.db, systemActor, flat.id, { siteId: newYork.id }, utc('00:00', '2026-03-01'));
  const energy = await createTariff(t.db, systemActor, { name: 'Energy', tariff: { currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY', price: 0.3, step_size: 1 }] }] } }, utc('00:00', '2026-03-01'));
  await assignTariff(t.db, systemActor, energy.id, { siteId: tokyo.id }, utc('00:00', '2026-03-01'));

  // Tokyo: running across its midnight (15:00 UTC): 2,000 Wh before, 1,000 Wh after.
  tokyoSession = await startSession(t.db, { stationId: 'TYO-1', startedAt: utc('14:00'), meterStart: 0 });
  await addEnergyReadings(t.db, tokyoSession, [[utc('14:30'), 1000], [utc('15:00'), 2000], [utc('15:30'), 3000]]);
  // New York: one stopped before its midnight (yesterday there), one across it: 1,000 Wh before, 4,000 Wh after.
  const yesterday = await startSession(t.db, { stationId: 'NYC-1', startedAt: utc('03:00'), meterStart: 0 });
  await stopSession(t.db, yesterday, utc('04:30'), 7000);
  const acrossMidnight = await startSession(t.db, { stationId: 'NYC-1', connectorId: 2, startedAt: utc('04:00'), meterStart: 0 });
  await addEnergyReadings(t.db, acrossMidnight, [[utc('05:00'), 1000]]);
  await stopSession(t.db, acrossMidnight, utc('06:00'), 5000);
  // No site: the UTC day; no tariff.
  const free = await startSession(t.db, { stationId: 'FREE-1', startedAt: utc('10:00'), meterStart: 0 });
  await stopSession(t.db, free, utc('11:00'), 2500);
});
afterAll(() => t.drop());

describe('overview: energy and revenue today', () => {
  it("sums per site the energy since that site's local midnight", async () => {
    const overview = await getOverview(t.db, now);
    expect(overview.energyTodayBySite).toEqual([
      { siteId: expect.any(String), siteName: 'New York', timeZone: 'America/New_York', energyWh: 4000 },
      { siteId: expect.any(String), siteName: 'Tokyo', timeZone: 'Asia/Tokyo', energyWh: 1000 },
      { siteId: null, siteName: null, timeZone: 'UTC', energyWh: 2500 },
    ]);
    expect(overview.energyTodayWh).toBe(7500);
  });

  it('counts revenue of sessions stopped since local midnight plus running sessions so far', async () => {
    const overview = await getOverview(t.db, now);
    // New York's session across midnight: €2.50 + 20 % VAT = 300; yesterday's (local) is not counted.
    // Tokyo's running session so far: 3 kWh × €0.30 = 90.
    expect(overview.liveSessions.map((session) => session.costSoFar?.gross)).toEqual([90]);
    expect(overview.revenueToday).toEqual([{ currency: 'EUR', gross: 390 }]);
  });

  it('moves a session from "so far" to its final price when it stops (final prices are kept, new ones added)', async () => {
    await stopSession(t.db, tokyoSession, utc('15:50'), 4000);
    const overview = await getOverview(t.db, now);
    expect(overview.liveSessions).toEqual([]);
    expect(overview.revenueToday).toEqual([{ currency: 'EUR', gross: 300 + 120 }]); // 4 kWh × €0.30
    expect((await getOverview(t.db, now)).revenueToday).toEqual([{ currency: 'EUR', gross: 420 }]);
  });

  it('adds amounts up per currency', () => {
    expect(sumByCurrency([{ currency: 'EUR', gross: 100 }, null, { currency: 'CHF', gross: 500 }, { currency: 'EUR', gross: 50 }])).toEqual([
      { currency: 'CHF', gross: 500 },
      { currency: 'EUR', gross: 150 },
    ]);
  });
});
