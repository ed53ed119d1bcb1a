import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { addEnergyReadings, addStations, energyAndParking, setConnectorStatus, startSession, stopSession, utc } from './fixtures';
import { systemActor } from '@/lib/auth/roles';
import { priceTransaction } from '@/lib/billing/price-transaction';
import { getOverview } from '@/lib/dashboard/get-overview';
import type { Transaction } from '@/lib/db/schema';
import type { Tariff } from '@/lib/pricing';
import { assignSiteStations } from '@/lib/sites/assign-site-stations';
import { createSite } from '@/lib/sites/create-site';
import { createSiteSchema } from '@/lib/sites/schemas';
import { assignTariff } from '@/lib/tariffs/assign-tariff';
import { createTariff } from '@/lib/tariffs/create-tariff';
import { updateTariff } from '@/lib/tariffs/update-tariff';

let t: TestDatabase;
let tariffId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  await addStations(t.db, 'BER-1', 'NOWHERE-1');
  const site = await createSite(t.db, systemActor, createSiteSchema.parse({ name: 'Berlin', timeZone: 'Europe/Berlin' }));
  await assignSiteStations(t.db, systemActor, site.id, ['BER-1']);
  tariffId = (await createTariff(t.db, systemActor, { name: 'Energy + parking', tariff: energyAndParking }, utc('00:00', '2026-01-01'))).id;
  await assignTariff(t.db, systemActor, tariffId, { siteId: site.id }, utc('00:00', '2026-01-01'));
});
afterAll(() => t?.drop());

/**
 * 09:00–10:40 UTC: 10 kWh in the first hour, then SuspendedEV (EV full) for 40 minutes.
 * By hand: energy 10 kWh × €0.30 = €3.00; session fee €1.00; parking 40 min − 10 min grace = 30 min
 * × €6/h = €3.00. Net €7.00; VAT 19 % per line: 57 + 19 + 57 = €1.33; gross €8.33.
 */
async function chargeAndIdle(stationId: string): Promise<Transaction> {
  const transaction = await startSession(t.db, { stationId, startedAt: utc('09:00'), meterStart: 1000 });
  await setConnectorStatus(t.db, stationId, 1, 'Charging', utc('09:00'));
  await addEnergyReadings(t.db, transaction, [[utc('09:30'), 6000], [utc('10:00'), 11_000]]);
  await setConnectorStatus(t.db, stationId, 1, 'SuspendedEV', utc('10:00'));
  return transaction;
}

describe('the cost of a transaction from its rows', () => {
  let session: Transaction;

  it('prices a running session so far, then the stopped one, from meter values and idle status', async () => {
    session = await chargeAndIdle('BER-1');
    // Up to 10:20: €3.00 energy + €1.00 fee + (20 − 10 grace) min × €6/h = €1.00.
    const soFar = await priceTransaction(t.db, session, { now: utc('10:20') });
    expect(soFar.cost).toMatchObject({ isFinal: false, net: 500, pricedUntil: '2026-03-02T10:20:00.000Z' });

    const stopped = await stopSession(t.db, session, utc('10:40'), 11_000);
    await setConnectorStatus(t.db, 'BER-1', 1, 'Finishing', utc('10:40'));
    const final = await priceTransaction(t.db, stopped, { now: utc('12:00') });
    expect(final.cost).toMatchObject({ currency: 'EUR', net: 700, vat: 133, gross: 833, isFinal: true, timeZone: 'Europe/Berlin' });
    expect(final.cost!.lines.map((line) => [line.component, line.volume, line.volumeUnit, line.net, line.vat])).toEqual([
      ['FLAT', 1, 'session', 100, 19],
      ['ENERGY', 10_000, 'Wh', 300, 57],
      ['PARKING_TIME', 1800, 's', 300, 57],
    ]);
    expect(final.cost!.tariff).toMatchObject({ name: 'Energy + parking', version: 1, appliedVia: 'site' });
    session = stopped;
  });

  it('keeps pricing a session with the version in force when it started, whenever the tariff is edited', async () => {
    const before = await chargeAndIdle('NOWHERE-1'); // priced for the first time only after the edit
    await assignTariff(t.db, systemActor, tariffId, { stationId: 'NOWHERE-1' }, utc('08:00'));
    const doubled: Partial<Tariff> = { elements: [{ price_components: [{ type: 'ENERGY', price: 0.6, vat: 19, step_size: 1 }] }] };
    await updateTariff(t.db, systemActor, tariffId, { ocpi: doubled }, utc('11:00'));

    expect((await priceTransaction(t.db, session, { now: utc('12:00') })).cost).toMatchObject({ gross: 833, tariff: { version: 1 } });
    const stopped = await stopSession(t.db, before, utc('10:40'), 11_000);
    expect((await priceTransaction(t.db, stopped, { now: utc('12:00') })).cost).toMatchObject({ tariff: { version: 1, appliedVia: 'station' } });

    const after = await startSession(t.db, { stationId: 'BER-1', startedAt: utc('11:30'), meterStart: 20_000 });
    await addEnergyReadings(t.db, after, [[utc('12:00'), 30_000]]);
    const priced = await priceTransaction(t.db, after, { now: utc('12:00') });
    expect(priced.cost).toMatchObject({ net: 600, tariff: { version: 2 } });
  });

  it('uses the UTC wall clock for a station without a site', async () => {
    const [stopped] = await t.db.query.transactions.findMany({ where: (tx, { eq }) => eq(tx.stationId, 'NOWHERE-1') });
    expect((await priceTransaction(t.db, stopped!)).cost?.timeZone).toBe('UTC');
  });

  it('evaluates time-of-day restrictions on the site clock', async () => {
    const evening = await createTariff(
      t.db,
      systemActor,
      {
        name: 'Evening',
        tariff: {
          currency: 'EUR',
          elements: [
            { price_components: [{ type: 'TIME', price: 12, step_size: 60 }], restrictions: { start_time: '18:00', end_time: '22:00' } },
            { price_components: [{ type: 'TIME', price: 0, step_size: 60 }] },
          ],
        },
      },
      utc('00:00', '2026-01-01'),
    );
    await assignTariff(t.db, systemActor, evening.id, { stationId: 'BER-1', connectorId: 2 }, utc('00:00', '2026-01-01'));
    await assignTariff(t.db, systemActor, evening.id, { stationId: 'NOWHERE-1', connectorId: 2 }, utc('00:00', '2026-01-01'));
    // 16:30–17:30 UTC is 17:30–18:30 in Berlin (UTC+1 in March): 30 minutes at €12/h there, none in UTC.
    for (const stationId of ['BER-1', 'NOWHERE-1']) {
      const session = await startSession(t.db, { stationId, connectorId: 2, startedAt: utc('16:30'), meterStart: 0 });
      await addEnergyReadings(t.db, session, [[utc('17:30'), 11_000]]);
      await stopSession(t.db, session, utc('17:30'), 11_000);
    }
    const rows = await t.db.query.transactions.findMany({ where: (tx, { eq }) => eq(tx.connectorId, 2) });
    const costs = await Promise.all(rows.map(async (row) => [row.stationId, (await priceTransaction(t.db, row)).cost?.net]));
    expect(Object.fromEntries(costs)).toEqual({ 'BER-1': 600, 'NOWHERE-1': 0 });
  });

  it('says why there is no cost when no tariff applies, and puts the cost so far on the overview', async () => {
    await addStations(t.db, 'FREE-1');
    const free = await startSession(t.db, { stationId: 'FREE-1', startedAt: utc('09:00'), meterStart: 0 });
    expect(await priceTransaction(t.db, free, { now: utc('10:00') })).toEqual({
      cost: null,
      costUnavailable: { code: 'no_tariff', message: expect.stringContaining('no default tariff') },
    });
    const overview = await getOverview(t.db, utc('12:00'));
    const costs = Object.fromEntries(overview.liveSessions.map((live) => [live.stationId, live.costSoFar]));
    expect(costs).toEqual({ 'FREE-1': null, 'BER-1': { currency: 'EUR', net: 600, vat: 114, gross: 714 } });
  });
});
