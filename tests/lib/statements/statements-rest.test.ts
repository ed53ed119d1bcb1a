import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { routeClient } from '../sites/route-client';
import { systemActor } from '@/lib/auth/roles';
import { insertDriver } from '@/lib/db/queries/drivers';
import { listAuditEntries } from '@/lib/db/queries/audit-log';
import { createWallet, topUpWallet } from '@/lib/wallets/wallet-ledger';
import * as statementRoute from '@/app/api/v1/wallets/[id]/statement/route';
import * as invoicingRoute from '@/app/api/v1/drivers/[id]/invoicing/route';

let t: TestDatabase;
let api: Awaited<ReturnType<typeof routeClient>>;
let walletId: string;
let driverId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  api = await routeClient(t);
  driverId = (await insertDriver(t.db, { name: 'Rest Statement', company: 'Fleet Co' }, new Date())).id;
  walletId = (await createWallet(t.db, systemActor, { driverId, currency: 'EUR' })).id;
  await topUpWallet(t.db, systemActor, walletId, { amount: 500 }, new Date('2026-01-31T23:59:59Z'));
  await topUpWallet(t.db, systemActor, walletId, { amount: 250 }, new Date('2026-02-01T00:00:00Z'));
  await topUpWallet(t.db, systemActor, walletId, { amount: 100 }, new Date('2026-03-01T00:00:00Z'));
});
afterAll(async () => {
  await api?.close();
  await t?.drop();
});

it('GET /api/v1/wallets/{id}/statement: the month as JSON, CSV or PDF; a bad month is a 400 naming it', async () => {
  const params = { id: walletId };
  const json = await api.call(statementRoute.GET, { role: 'viewer', params, path: `/api/v1/wallets/${walletId}/statement?month=2026-02` });
  expect(json).toMatchObject({ status: 200, body: { month: '2026-02', currency: 'EUR', opening: 500, closing: 750, entries: [{ kind: 'top_up', amount: 250, balance: 750, createdAt: '2026-02-01T00:00:00.000Z' }] } });
  expect((json.body.entries as unknown[]).length).toBe(1);
  const csv = await statementRoute.GET(new Request(`http://localhost/api/v1/wallets/${walletId}/statement?month=2026-02&format=csv`, { headers: await bearer() }), { params: Promise.resolve(params) });
  expect(csv.headers.get('content-type')).toContain('text/csv');
  expect((await csv.text()).split('\r\n')[3]).toBe('2026-03-01T00:00:00.000Z,closing_balance,Closing balance,,,7.50,EUR');
  const pdf = await statementRoute.GET(new Request(`http://localhost/api/v1/wallets/${walletId}/statement?month=2026-02&format=pdf`, { headers: await bearer() }), { params: Promise.resolve(params) });
  expect([pdf.status, pdf.headers.get('content-type'), pdf.headers.get('content-disposition')]).toEqual([200, 'application/pdf', 'attachment; filename="wallet-statement-2026-02.pdf"']);
  expect((await api.call(statementRoute.GET, { role: 'viewer', params, path: '/x?month=2026-13' })).body.error).toMatchObject({ field: 'month' });
  expect((await api.call(statementRoute.GET, { role: 'viewer', params: { id: '00000000-0000-4000-8000-000000000000' }, path: '/x?month=2026-02' })).status).toBe(404);
});

it('PUT /api/v1/drivers/{id}/invoicing sets the driver or company mode (operator, audited); the driver’s own wins', async () => {
  const params = { id: driverId };
  expect((await api.call(invoicingRoute.PUT, { role: 'viewer', params, body: { subject: 'driver', mode: 'monthly' } })).status).toBe(403);
  expect(await api.call(invoicingRoute.PUT, { role: 'operator', params, body: { subject: 'company', mode: 'monthly' } })).toMatchObject({ status: 200, body: { mode: 'monthly', source: 'company' } });
  expect(await api.call(invoicingRoute.PUT, { role: 'operator', params, body: { subject: 'driver', mode: 'per_session' } })).toMatchObject({ status: 200, body: { mode: 'per_session', source: 'driver' } });
  expect(await api.call(invoicingRoute.PUT, { role: 'operator', params, body: { subject: 'driver', mode: 'inherit' } })).toMatchObject({ status: 200, body: { mode: 'monthly', source: 'company' } });
  expect((await api.call(invoicingRoute.PUT, { role: 'operator', params, body: { subject: 'driver', mode: 'weekly' } })).body.error).toMatchObject({ field: 'mode' });
  expect((await listAuditEntries(t.db, { action: 'invoicing.mode' })).length).toBe(3);
});

async function bearer() {
  const { createApiToken } = await import('@/lib/api-tokens/create-api-token');
  return { authorization: `Bearer ${(await createApiToken(t.db, systemActor, { name: `b-${Math.random()}`, role: 'viewer' })).token}` };
}
