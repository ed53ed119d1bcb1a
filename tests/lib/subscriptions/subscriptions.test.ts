import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { addEnergyReadings, addStations, energyAndParking, stopSession, utc } from '../billing/fixtures';
import { systemActor } from '@/lib/auth/roles';
import { insertDriver } from '@/lib/db/queries/drivers';
import { upsertIdTag } from '@/lib/db/queries/id-tags';
import { listInvoiceLines } from '@/lib/db/queries/invoices';
import { issueSessionInvoice } from '@/lib/invoices/issue-session-invoice';
import { invoiceDueSubscriptionFees } from '@/lib/subscriptions/invoice-subscription-fees';
import { cancelSubscription, createPlan, subscribeDriver } from '@/lib/subscriptions/manage-subscriptions';
import { addMonths, periodAt, vatOf } from '@/lib/subscriptions/periods';
import { createTariff } from '@/lib/tariffs/create-tariff';
import { startTransaction } from '@/lib/transactions/start-transaction';

let t: TestDatabase;
let driverId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  await addStations(t.db, 'SUB-1');
  await createTariff(t.db, systemActor, { name: 'Default', isDefault: true, tariff: energyAndParking }, utc('00:00', '2026-01-01'));
  driverId = (await insertDriver(t.db, { name: 'Sub Scriber', email: 'sub@example.com' }, new Date())).id;
  await upsertIdTag(t.db, { idTag: 'SUB-TAG', driverId, maxConcurrentTx: null });
});
afterAll(() => t?.drop());

const at = (iso: string) => new Date(iso);

describe('subscription periods (pure)', () => {
  it('counts calendar months from the start, clamped to short months, never drifting', () => {
    const start = at('2026-01-31T10:00:00Z');
    expect([1, 2, 3, 13].map((n) => addMonths(start, n).toISOString())).toEqual([
      '2026-02-28T10:00:00.000Z',
      '2026-03-31T10:00:00.000Z',
      '2026-04-30T10:00:00.000Z',
      '2027-02-28T10:00:00.000Z',
    ]);
    expect(periodAt(start, at('2026-03-31T09:59:59Z'))).toMatchObject({ index: 1, start: at('2026-02-28T10:00:00Z'), end: at('2026-03-31T10:00:00Z') });
    expect(periodAt(start, at('2026-03-31T10:00:00Z')).index).toBe(2);
  });

  it('computes VAT half-up in integers', () => {
    expect([vatOf(999, 19), vatOf(1000, 7.7), vatOf(50, 19), vatOf(-999, 19), vatOf(0, 19)]).toEqual([190, 77, 10, -190, 0]);
  });
});

describe('plans, subscriptions and their fee invoices', () => {
  let subscriptionId: string;

  it('invoices each begun period once, in advance, with the fee and VAT to the cent', async () => {
    const plan = await createPlan(t.db, systemActor, { name: 'Commuter', currency: 'EUR', monthlyFee: 999, vatPercent: 19, discountPercent: 10 });
    subscriptionId = (await subscribeDriver(t.db, systemActor, { driverId, planId: plan.id, startsAt: at('2026-01-31T10:00:00Z') })).id;
    const first = await invoiceDueSubscriptionFees(t.db, at('2026-03-15T00:00:00Z'));
    expect(first.map((i) => [i.kind, i.periodStart?.toISOString(), i.net, i.vat, i.gross, i.customerName])).toEqual([
      ['subscription_fee', '2026-01-31T10:00:00.000Z', 999, 190, 1189, 'Sub Scriber'],
      ['subscription_fee', '2026-02-28T10:00:00.000Z', 999, 190, 1189, 'Sub Scriber'],
    ]);
    expect((await listInvoiceLines(t.db, first[0]!.id))[0]).toMatchObject({ component: 'SUBSCRIPTION_FEE', unitPrice: 9.99, vatRate: 19 });
    expect(await invoiceDueSubscriptionFees(t.db, at('2026-03-20T00:00:00Z'))).toEqual([]);
    await expect(subscribeDriver(t.db, systemActor, { driverId, planId: plan.id, startsAt: at('2026-03-01T00:00:00Z') })).rejects.toMatchObject({ code: 'already_subscribed' });
  });

  it('cancels at the end of the period under way (no proration): no later period is invoiced', async () => {
    const cancelled = await cancelSubscription(t.db, systemActor, subscriptionId, at('2026-03-20T00:00:00Z'));
    expect(cancelled.endsAt).toEqual(at('2026-03-31T10:00:00Z'));
    expect(await invoiceDueSubscriptionFees(t.db, at('2026-06-01T00:00:00Z'))).toEqual([]);
  });

  it('gives the plan’s discount on sessions started while subscribed, per VAT rate', async () => {
    const start = at('2026-03-02T09:00:00Z');
    const { transaction } = await startTransaction(t.db, { stationId: 'SUB-1', request: { connectorId: 1, idTag: 'SUB-TAG', meterStart: 0, timestamp: start.toISOString() }, now: start });
    await addEnergyReadings(t.db, transaction, [[utc('09:30'), 10_000]]);
    const stopped = await stopSession(t.db, transaction, utc('09:30'), 10_000);
    const invoice = await issueSessionInvoice(t.db, systemActor, stopped.id, utc('10:00'));
    // €3.00 energy + €1.00 fee = €4.00 net; 10 % off = −€0.40, VAT −€0.08 (19 %). Net €3.60, VAT €0.76 − €0.08 = €0.68.
    const lines = await listInvoiceLines(t.db, invoice.id);
    expect(lines.at(-1)).toMatchObject({ component: 'DISCOUNT', net: -40, vatRate: 19, vat: -8, gross: -48 });
    expect(invoice).toMatchObject({ net: 360, vat: 68, gross: 428 });
  });
});
