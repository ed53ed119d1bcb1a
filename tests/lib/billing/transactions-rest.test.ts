import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { routeClient } from '../sites/route-client';
import { addEnergyReadings, addStations, startSession, stopSession, utc } from './fixtures';
import { systemActor } from '@/lib/auth/roles';
import { assignTariff } from '@/lib/tariffs/assign-tariff';
import { createTariff } from '@/lib/tariffs/create-tariff';
import * as transactionRoute from '@/app/api/v1/transactions/[id]/route';

let t: TestDatabase;
let api: Awaited<ReturnType<typeof routeClient>>;
beforeAll(async () => {
  t = await createTestDatabase();
  api = await routeClient(t);
  await addStations(t.db, 'CP-1', 'CP-2');
});
afterAll(async () => {
  await api?.close();
  await t?.drop();
});

describe('GET /api/v1/transactions/{id}', () => {
  it('returns the transaction with its final cost, or cost null with the reason', async () => {
    const tariff = await createTariff(t.db, systemActor, { name: 'Flat', tariff: { currency: 'EUR', elements: [{ price_components: [{ type: 'FLAT', price: 2.5, vat: 20, step_size: 1 }] }] } }, utc('00:00'));
    await assignTariff(t.db, systemActor, tariff.id, { stationId: 'CP-1' }, utc('00:00'));
    const paid = await startSession(t.db, { stationId: 'CP-1', startedAt: utc('09:00'), meterStart: 0 });
    await addEnergyReadings(t.db, paid, [[utc('09:30'), 5000]]);
    await stopSession(t.db, paid, utc('10:00'), 8000);

    const response = await api.call(transactionRoute.GET, { role: 'viewer', params: { id: String(paid.id) } });
    expect(response).toMatchObject({
      status: 200,
      body: {
        id: paid.id,
        stationId: 'CP-1',
        meterStop: 8000,
        costUnavailable: null,
        cost: { currency: 'EUR', net: 250, vat: 50, gross: 300, isFinal: true, lines: [{ component: 'FLAT', unitPrice: 2.5, vatRate: 20, net: 250, vat: 50, gross: 300 }] },
      },
    });

    const free = await startSession(t.db, { stationId: 'CP-2', startedAt: utc('09:00'), meterStart: 0 });
    const unpriced = await api.call(transactionRoute.GET, { role: 'viewer', params: { id: String(free.id) } });
    expect(unpriced.body).toMatchObject({ cost: null, costUnavailable: { code: 'no_tariff' } });
  });

  it('answers 404 for an unknown id and 400 naming the id when it is not a number', async () => {
    expect((await api.call(transactionRoute.GET, { role: 'viewer', params: { id: '999999' } })).status).toBe(404);
    expect((await api.call(transactionRoute.GET, { role: 'viewer', params: { id: 'abc' } })).body.error).toMatchObject({ field: 'id' });
  });
});
