import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { routeClient } from '../sites/route-client';
import * as plansRoute from '@/app/api/v1/plans/route';
import * as planRoute from '@/app/api/v1/plans/[id]/route';
import * as subscriptionsRoute from '@/app/api/v1/subscriptions/route';
import * as cancelRoute from '@/app/api/v1/subscriptions/[id]/cancel/route';
import { listAuditEntries } from '@/lib/db/queries/audit-log';
import { insertDriver } from '@/lib/db/queries/drivers';
import { listInvoices } from '@/lib/db/queries/invoices';
import { allOperations } from '@/lib/api/contracts';

let t: TestDatabase;
let api: Awaited<ReturnType<typeof routeClient>>;
let driverId: string;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
beforeAll(async () => {
  t = await createTestDatabase();
  api = await routeClient(t);
  driverId = (await insertDriver(t.db, { name: 'Rest Subscriber', email: 'rest-sub@example.com' }, new Date())).id;
});
afterAll(async () => {
  await api?.close();
  await t?.drop();
});

describe('plans over REST', () => {
  let planId: string;

  it('creates (admin only), naming the bad field, and refuses a second plan of the same name', async () => {
    const body = { name: 'Commuter', currency: 'EUR', monthlyFee: 999, vatPercent: 19, includedWh: 50_000, discountPercent: 5 };
    expect((await api.call(plansRoute.POST, { role: 'operator', body })).status).toBe(403);
    for (const [bad, field] of [[{ includedWh: 1.5 }, 'includedWh'], [{ monthlyFee: -1 }, 'monthlyFee'], [{ currency: 'EURO' }, 'currency'], [{ discountPercent: 101 }, 'discountPercent'], [{ currency: 'XYZ' }, 'currency']] as const) {
      const response = await api.call(plansRoute.POST, { role: 'admin', body: { ...body, ...bad } });
      expect([response.status, response.body.error?.field]).toEqual([400, field]);
    }
    const created = await api.call(plansRoute.POST, { role: 'admin', body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, active: true, tariffId: null });
    planId = String(created.body.id);
    expect((await api.call(plansRoute.POST, { role: 'admin', body: { ...body, name: 'commuter' } })).body.error).toMatchObject({ code: 'name_taken', field: 'name' });
  });

  it('reads for viewers; PATCH is admin only, audited, and 404 for an unknown plan', async () => {
    expect((await api.call(plansRoute.GET, { role: 'viewer' })).body.data).toEqual([expect.objectContaining({ id: planId, includedWh: 50_000 })]);
    expect((await api.call(planRoute.GET, { role: 'operator', params: { id: planId } })).body).toMatchObject({ name: 'Commuter' });
    expect((await api.call(planRoute.GET, { role: 'viewer', params: { id: 'x' } })).body.error).toMatchObject({ field: 'id' });
    expect((await api.call(planRoute.PATCH, { role: 'operator', params: { id: planId }, body: { includedWh: 1 } })).status).toBe(403);
    expect((await api.call(planRoute.PATCH, { role: 'admin', params: { id: UNKNOWN }, body: { includedWh: 1 } })).status).toBe(404);
    expect((await api.call(planRoute.PATCH, { role: 'admin', params: { id: planId }, body: { currency: 'USD' } })).status).toBe(400);
    const patched = await api.call(planRoute.PATCH, { role: 'admin', params: { id: planId }, body: { includedWh: 40_000, monthlyFee: 1299 } });
    expect(patched.body).toMatchObject({ includedWh: 40_000, monthlyFee: 1299, currency: 'EUR' });
    const audit = await listAuditEntries(t.db, { targetType: 'subscription_plan', limit: 10 });
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['subscription_plan.create', 'subscription_plan.update']));
  });

  it('subscribes a driver now with the first full fee invoiced, lists by driver, cancels at period end; a switch starts when the old ends', async () => {
    expect((await api.call(subscriptionsRoute.POST, { role: 'admin', body: { driverId, planId: UNKNOWN } })).body.error).toMatchObject({ field: 'planId' });
    expect((await api.call(subscriptionsRoute.POST, { role: 'admin', body: { driverId: UNKNOWN, planId } })).body.error).toMatchObject({ field: 'driverId' });
    expect((await api.call(subscriptionsRoute.POST, { role: 'admin', body: { driverId } })).body.error).toMatchObject({ field: 'planId' });
    expect((await api.call(subscriptionsRoute.POST, { role: 'viewer', body: { driverId, planId } })).status).toBe(403);

    const created = await api.call(subscriptionsRoute.POST, { role: 'admin', body: { driverId, planId } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ driverId, status: 'active', endsAt: null, currentPeriod: { includedWh: 40_000, usedWh: 0, remainingWh: 40_000 } });
    expect(created.body.invoiceIds).toHaveLength(1);
    const fees = await listInvoices(t.db, { driverId });
    expect(fees.map((invoice) => [invoice.kind, invoice.net, invoice.gross])).toEqual([['subscription_fee', 1299, 1546]]);
    expect((await api.call(subscriptionsRoute.POST, { role: 'admin', body: { driverId, planId } })).body.error).toMatchObject({ code: 'already_subscribed', field: 'driverId' });

    const listed = await api.call(subscriptionsRoute.GET, { role: 'viewer', path: `/api/v1/subscriptions?driverId=${driverId}` });
    expect(listed.body.data).toEqual([expect.objectContaining({ id: created.body.id, plan: expect.objectContaining({ name: 'Commuter' }) })]);
    expect((await api.call(subscriptionsRoute.GET, { role: 'viewer', path: '/api/v1/subscriptions?driverId=nope' })).body.error).toMatchObject({ field: 'driverId' });

    const subscriptionId = String(created.body.id);
    expect((await api.call(cancelRoute.POST, { role: 'operator', params: { id: subscriptionId } })).status).toBe(403);
    expect((await api.call(cancelRoute.POST, { role: 'admin', params: { id: UNKNOWN } })).status).toBe(404);
    const cancelled = await api.call(cancelRoute.POST, { role: 'admin', params: { id: subscriptionId } });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', endsAt: (created.body.currentPeriod as { end: string }).end });

    // Switching: a new plan after the cancellation starts when the cancelled one ends, its fee invoiced then.
    const other = await api.call(plansRoute.POST, { role: 'admin', body: { name: 'Weekend', currency: 'EUR', monthlyFee: 499 } });
    const switched = await api.call(subscriptionsRoute.POST, { role: 'admin', body: { driverId, planId: other.body.id } });
    expect(switched.body).toMatchObject({ status: 'scheduled', startsAt: cancelled.body.endsAt, invoiceIds: [] });
    const audit = await listAuditEntries(t.db, { targetType: 'subscription', limit: 10 });
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['subscription.create', 'subscription.cancel']));
  });

  it('is in the OpenAPI document', () => {
    const paths = allOperations.map((operation) => `${operation.method} ${operation.path}`);
    expect(paths).toEqual(expect.arrayContaining(['get /api/v1/plans', 'post /api/v1/plans', 'get /api/v1/plans/{id}', 'patch /api/v1/plans/{id}', 'get /api/v1/subscriptions', 'post /api/v1/subscriptions', 'post /api/v1/subscriptions/{id}/cancel']));
  });
});
