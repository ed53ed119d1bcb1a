import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { routeClient } from '../sites/route-client';
import { systemActor } from '@/lib/auth/roles';
import { getDriverById, insertDriver } from '@/lib/db/queries/drivers';
import { createWallet, topUpWallet } from '@/lib/wallets/wallet-ledger';
import { setInvoicingMode } from '@/lib/statements/invoicing-mode';
import { getInvoicingSettings } from '@/lib/db/queries/statements';
import * as driverRoute from '@/app/api/v1/drivers/[id]/route';

let t: TestDatabase;
let api: Awaited<ReturnType<typeof routeClient>>;
beforeAll(async () => {
  t = await createTestDatabase();
  api = await routeClient(t);
});
afterAll(async () => {
  await api?.close();
  await t?.drop();
});

it('deleting a driver who has a wallet is a 409 that says why and what to do, and changes nothing', async () => {
  const driver = await insertDriver(t.db, { name: 'Walleted' }, new Date());
  const walletId = (await createWallet(t.db, systemActor, { driverId: driver.id, currency: 'EUR' })).id;
  await topUpWallet(t.db, systemActor, walletId, { amount: 1234 });
  const response = await api.call(driverRoute.DELETE, { role: 'operator', params: { id: driver.id } });
  expect(response).toMatchObject({
    status: 409,
    body: { error: { code: 'driver_has_wallet', message: 'Walleted has a prepaid wallet (balance €12.34) whose ledger is kept for accounting, so the driver cannot be deleted: block the driver instead' } },
  });
  expect(await getDriverById(t.db, driver.id)).toBeDefined();
});

it('a driver without a wallet (or tags) is still deleted, with their invoicing setting', async () => {
  const driver = await insertDriver(t.db, { name: 'Plain' }, new Date());
  await setInvoicingMode(t.db, systemActor, { driverId: driver.id, subject: 'driver', mode: 'monthly' });
  expect((await api.call(driverRoute.DELETE, { role: 'operator', params: { id: driver.id } })).status).toBe(204);
  expect(await getDriverById(t.db, driver.id)).toBeUndefined();
  expect((await getInvoicingSettings(t.db, driver.id, null)).driver).toBeUndefined();
});
