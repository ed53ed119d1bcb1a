import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { routeClient } from '../sites/route-client';
import * as walletsRoute from '@/app/api/v1/wallets/route';
import * as walletRoute from '@/app/api/v1/wallets/[id]/route';
import * as topUpsRoute from '@/app/api/v1/wallets/[id]/top-ups/route';
import { systemActor } from '@/lib/auth/roles';
import { insertDriver } from '@/lib/db/queries/drivers';
import { createWallet } from '@/lib/wallets/wallet-ledger';

let t: TestDatabase;
let api: Awaited<ReturnType<typeof routeClient>>;
let walletId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  api = await routeClient(t);
  const driver = await insertDriver(t.db, { name: 'Rest Wallet' }, new Date());
  walletId = (await createWallet(t.db, systemActor, { driverId: driver.id, currency: 'EUR', minBalance: 500 })).id;
});
afterAll(async () => {
  await api?.close();
  await t?.drop();
});

describe('wallets over REST', () => {
  it('tops up (admin only, integer minor units) and shows the ledger and balance', async () => {
    const params = { id: walletId };
    expect((await api.call(topUpsRoute.POST, { role: 'operator', params, body: { amount: 100 } })).status).toBe(403);
    expect((await api.call(topUpsRoute.POST, { role: 'admin', params, body: { amount: 10.5 } })).body.error).toMatchObject({ field: 'amount' });
    expect((await api.call(topUpsRoute.POST, { role: 'admin', params: { id: '00000000-0000-4000-8000-000000000000' }, body: { amount: 1 } })).status).toBe(404);
    for (const amount of [10, 20, 70]) expect((await api.call(topUpsRoute.POST, { role: 'admin', params, body: { amount, note: 'desk' } })).status).toBe(201);
    const wallet = await api.call(walletRoute.GET, { role: 'viewer', params });
    expect(wallet.body).toMatchObject({ balance: 100, minBalance: 500, entries: [{ kind: 'top_up', amount: 70 }, { amount: 20 }, { amount: 10 }] });
    expect((await api.call(walletsRoute.GET, { role: 'viewer' })).body.data).toEqual([expect.objectContaining({ id: walletId, balance: 100, driverName: 'Rest Wallet' })]);
  });
});
