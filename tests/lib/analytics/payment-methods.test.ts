import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { addStations, stopSession, utc } from '../billing/fixtures';
import { buildReport } from '@/lib/analytics/build-report';
import { refreshChangedRollups } from '@/lib/analytics/refresh-changed-rollups';
import { systemActor } from '@/lib/auth/roles';
import { settleStoppedTransaction } from '@/lib/billing/settle-transaction';
import { insertDriver } from '@/lib/db/queries/drivers';
import { upsertIdTag } from '@/lib/db/queries/id-tags';
import { getSessionInvoice } from '@/lib/db/queries/invoices';
import { applyProviderEvent, startInvoicePayment } from '@/lib/payments/card-payments';
import { createManualProvider } from '@/lib/payments/manual-provider';
import { createPlan, subscribeDriver } from '@/lib/subscriptions/manage-subscriptions';
import { createTariff } from '@/lib/tariffs/create-tariff';
import { startTransaction } from '@/lib/transactions/start-transaction';
import { createWallet, topUpWallet } from '@/lib/wallets/wallet-ledger';

/**
 * Station PM-1 (no site: UTC), default tariff €1 flat + 19 % VAT (€1.19 a session). On 2 March 2026,
 * one session each, stopped and settled as StopTransaction does (invoice, then wallet debit):
 *  - WALLY has a topped-up wallet → debited → wallet;
 *  - CARLA pays her invoice by card (a succeeded provider report) → card;
 *  - SUE is on a subscription plan (no wallet, no card payment) → subscription;
 *  - IVO has neither → invoice, until he pays it by card after the first refresh → card.
 */
const manual = createManualProvider('test-secret');
let t: TestDatabase;
const invoices: Record<string, string> = {};

async function driverWithTag(name: string) {
  const driver = await insertDriver(t.db, { name }, utc('00:00', '2026-01-01'));
  await upsertIdTag(t.db, { idTag: name, driverId: driver.id, maxConcurrentTx: null });
  return driver;
}

async function settledSession(idTag: string, connectorId: number) {
  const { transaction } = await startTransaction(t.db, { stationId: 'PM-1', request: { connectorId, idTag, meterStart: 0, timestamp: utc('08:00').toISOString() }, now: utc('08:00') });
  await stopSession(t.db, transaction, utc('09:00'), 5000);
  await settleStoppedTransaction(t.db, transaction.id, utc('09:00'));
  invoices[idTag] = (await getSessionInvoice(t.db, transaction.id))!.id;
}

const cardPayments: Record<string, string> = {};

async function payByCard(idTag: string, at: Date) {
  const { payment } = await startInvoicePayment(t.db, manual, invoices[idTag]!, at);
  expect(await applyProviderEvent(t.db, 'manual', { type: 'payment_succeeded', reference: payment.reference, amount: 119, currency: 'EUR' }, at)).toBe('applied');
  cardPayments[idTag] = payment.reference;
}

const revenueByMethod = async (now: Date) => {
  const report = await buildReport(t.db, 'revenue', { from: utc('00:00'), to: utc('00:00', '2026-03-03') }, { now });
  return Object.fromEntries(report.rows.map((row) => [row.paymentMethod, [row.sessions, row.gross]]));
};

beforeAll(async () => {
  t = await createTestDatabase();
  await addStations(t.db, 'PM-1');
  await createTariff(t.db, systemActor, { name: 'Euro', isDefault: true, tariff: { currency: 'EUR', elements: [{ price_components: [{ type: 'FLAT', price: 1, vat: 19, step_size: 1 }] }] } }, utc('00:00', '2026-01-01'));
  const wally = await driverWithTag('WALLY');
  const wallet = await createWallet(t.db, systemActor, { driverId: wally.id, currency: 'EUR', minBalance: 1 });
  await topUpWallet(t.db, systemActor, wallet.id, { amount: 1000 }, utc('07:00'));
  await driverWithTag('CARLA');
  const sue = await driverWithTag('SUE');
  const plan = await createPlan(t.db, systemActor, { name: 'Monthly', currency: 'EUR', monthlyFee: 900 });
  await subscribeDriver(t.db, systemActor, { driverId: sue.id, planId: plan.id, startsAt: utc('00:00', '2026-02-01') });
  await driverWithTag('IVO');
  await settledSession('WALLY', 1);
  await settledSession('CARLA', 2);
  await settledSession('SUE', 3);
  await settledSession('IVO', 4);
  await payByCard('CARLA', utc('10:00'));
});
afterAll(() => t?.drop());

describe('payment method in the revenue report', () => {
  it('is derived from the billing data: wallet debit, card payment, subscription, else invoice', async () => {
    const now = utc('12:00');
    expect((await refreshChangedRollups(t.db, now)).refreshed).toBe(true);
    expect(await revenueByMethod(now)).toEqual({ wallet: [1, 1.19], card: [1, 1.19], subscription: [1, 1.19], invoice: [1, 1.19] });
  });

  it('follows a card payment that arrives after the session was rolled up', async () => {
    await payByCard('IVO', utc('14:00', '2026-03-05'));
    const now = utc('15:00', '2026-03-05');
    await refreshChangedRollups(t.db, now);
    expect(await revenueByMethod(now)).toEqual({ wallet: [1, 1.19], card: [2, 2.38], subscription: [1, 1.19] });
  });

  it('follows a later refund of that card payment: the session shows its true method again', async () => {
    // A refresh in between, so the refund is the only change the next one can see.
    await refreshChangedRollups(t.db, utc('12:00', '2026-03-07'));
    expect(await revenueByMethod(utc('12:00', '2026-03-07'))).toEqual({ wallet: [1, 1.19], card: [2, 2.38], subscription: [1, 1.19] });
    expect(await applyProviderEvent(t.db, 'manual', { type: 'payment_refunded', reference: cardPayments.IVO!, amount: 119, currency: 'EUR' }, utc('09:00', '2026-03-09'))).toBe('applied');
    const now = utc('10:00', '2026-03-09');
    await refreshChangedRollups(t.db, now);
    expect(await revenueByMethod(now)).toEqual({ wallet: [1, 1.19], card: [1, 1.19], subscription: [1, 1.19], invoice: [1, 1.19] });
  });
});
