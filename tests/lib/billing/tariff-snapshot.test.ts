import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { routeClient } from '../sites/route-client';
import { addEnergyReadings, addStations, flatTariff, stopSession, utc } from './fixtures';
import * as overridesRoute from '@/app/api/v1/tariffs/[id]/overrides/route';
import { systemActor } from '@/lib/auth/roles';
import { priceTransaction } from '@/lib/billing/price-transaction';
import { insertDriver } from '@/lib/db/queries/drivers';
import { upsertIdTag } from '@/lib/db/queries/id-tags';
import { driverSubscriptions, subscriptionPlans } from '@/lib/db/schema';
import { assignSiteStations } from '@/lib/sites/assign-site-stations';
import { createSite } from '@/lib/sites/create-site';
import { createSiteSchema } from '@/lib/sites/schemas';
import { assignTariff } from '@/lib/tariffs/assign-tariff';
import { createTariff } from '@/lib/tariffs/create-tariff';
import { setTariffOverride } from '@/lib/tariffs/override-tariff';
import { startTransaction } from '@/lib/transactions/start-transaction';

let t: TestDatabase;
let api: Awaited<ReturnType<typeof routeClient>>;
const tariff: Record<string, string> = {};
const site: Record<string, string> = {};
let driverId: string;
const day = '2026-01-01';

beforeAll(async () => {
  t = await createTestDatabase();
  api = await routeClient(t);
  await addStations(t.db, 'SNAP-1');
  for (const [name, price] of [['berlin', 1], ['lisbon', 2], ['plan', 3], ['driver', 4], ['group', 5], ['card', 6]] as const) {
    tariff[name] = (await createTariff(t.db, systemActor, { name, tariff: flatTariff(price) }, utc('00:00', day))).id;
  }
  for (const [name, timeZone] of [['berlin', 'Europe/Berlin'], ['lisbon', 'Europe/Lisbon']] as const) {
    site[name] = (await createSite(t.db, systemActor, createSiteSchema.parse({ name, timeZone }))).id;
    await assignTariff(t.db, systemActor, tariff[name]!, { siteId: site[name] }, utc('00:00', day));
  }
  await assignSiteStations(t.db, systemActor, site.berlin!, ['SNAP-1']);
  driverId = (await insertDriver(t.db, { name: 'Dana' }, new Date())).id;
  await upsertIdTag(t.db, { idTag: 'FLEET', driverId: null, maxConcurrentTx: null });
  await upsertIdTag(t.db, { idTag: 'CARD-1', parentIdTag: 'FLEET', driverId, maxConcurrentTx: null });
  await upsertIdTag(t.db, { idTag: 'WALK-IN', maxConcurrentTx: null });
});
afterAll(async () => {
  await api?.close();
  await t?.drop();
});

let meter = 0;
/** A session recorded like the OCPP server records StartTransaction, priced after its stop. */
async function session(idTag: string, hhmm: string) {
  const started = await startTransaction(t.db, {
    stationId: 'SNAP-1',
    request: { connectorId: 1, idTag, meterStart: meter, timestamp: utc(hhmm, day).toISOString() },
    now: utc(hhmm, day),
  });
  meter += 1000;
  await addEnergyReadings(t.db, started.transaction, [[new Date(utc(hhmm, day).getTime() + 60_000), meter]]);
  return stopSession(t.db, started.transaction, new Date(utc(hhmm, day).getTime() + 120_000), meter);
}
const priced = async (transaction: Awaited<ReturnType<typeof session>>) => (await priceTransaction(t.db, transaction, { now: utc('23:00', day) })).cost!;

describe('the site and tariff snapshot taken at StartTransaction', () => {
  it('keeps the site, time zone and tariff of the start when the station moves to another site', async () => {
    const before = await session('WALK-IN', '08:00');
    await assignSiteStations(t.db, systemActor, site.lisbon!, ['SNAP-1'], utc('09:00', day));
    expect(await priced(before)).toMatchObject({ gross: 100, timeZone: 'Europe/Berlin', tariff: { name: 'berlin', appliedVia: 'site' } });
    const after = await session('WALK-IN', '10:00');
    expect(await priced(after)).toMatchObject({ gross: 200, timeZone: 'Europe/Lisbon', tariff: { name: 'lisbon', appliedVia: 'site' } });
    const [row] = await t.db.query.transactionTariffs.findMany({ where: (s, { eq }) => eq(s.transactionId, before.id) });
    expect(row).toMatchObject({ siteId: site.berlin, timeZone: 'Europe/Berlin', resolvedAt: utc('08:00', day) });
  });

  it('resolves driver/tag override > subscription plan > site > default, each for sessions started after it', async () => {
    const [plan] = await t.db.insert(subscriptionPlans).values({ name: 'Commuter', currency: 'EUR', monthlyFee: 900, tariffId: tariff.plan }).returning();
    await t.db.insert(driverSubscriptions).values({ driverId, planId: plan!.id, startsAt: utc('11:00', day) });
    const onPlan = await session('CARD-1', '11:30');
    await setTariffOverride(t.db, systemActor, tariff.driver!, { driverId }, utc('12:00', day));
    const onDriver = await session('CARD-1', '12:30');
    await setTariffOverride(t.db, systemActor, tariff.group!, { idTag: 'FLEET' }, utc('13:00', day));
    const onGroup = await session('CARD-1', '13:30');
    await setTariffOverride(t.db, systemActor, tariff.card!, { idTag: 'CARD-1' }, utc('14:00', day));
    const onCard = await session('CARD-1', '14:30');
    const walkIn = await session('WALK-IN', '15:00');

    const via = async (transaction: Awaited<ReturnType<typeof session>>) => {
      const cost = await priced(transaction);
      return [cost.tariff.name, cost.tariff.appliedVia, cost.gross];
    };
    expect(await via(onPlan)).toEqual(['plan', 'subscription_plan', 300]);
    expect(await via(onDriver)).toEqual(['driver', 'driver', 400]);
    expect(await via(onGroup)).toEqual(['group', 'id_tag', 500]);
    expect(await via(onCard)).toEqual(['card', 'id_tag', 600]);
    expect(await via(walkIn)).toEqual(['lisbon', 'site', 200]);
    const [snapshot] = await t.db.query.transactionTariffs.findMany({ where: (s, { eq }) => eq(s.transactionId, onPlan.id) });
    expect(snapshot).toMatchObject({ driverId, subscriptionId: expect.any(String), scope: 'subscription_plan', assignmentId: null });
  });

  it('sets overrides over REST, naming the bad field', async () => {
    const noTag = await api.call(overridesRoute.POST, { role: 'admin', params: { id: tariff.group! }, body: { idTag: 'NOPE' } });
    expect(noTag).toMatchObject({ status: 400, body: { error: { field: 'idTag' } } });
    const both = await api.call(overridesRoute.POST, { role: 'admin', params: { id: tariff.group! }, body: { idTag: 'FLEET', driverId } });
    expect(both.body.error?.field).toBe('idTag');
    expect((await api.call(overridesRoute.POST, { role: 'operator', params: { id: tariff.group! }, body: { driverId } })).status).toBe(403);
    const created = await api.call(overridesRoute.POST, { role: 'admin', params: { id: tariff.group! }, body: { driverId } });
    expect(created).toMatchObject({ status: 201, body: { kind: 'driver', driverId, tariffId: tariff.group } });
  });
});
