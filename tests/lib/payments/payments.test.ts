import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { routeClient } from '../sites/route-client';
import { addEnergyReadings, addStations, energyAndParking, startSession, stopSession, utc } from '../billing/fixtures';
import * as payInvoiceRoute from '@/app/api/v1/invoices/[id]/payments/route';
import * as reconciliationRoute from '@/app/api/v1/payments/reconciliation/route';
import * as webhookRoute from '@/app/api/v1/payments/webhooks/stripe/route';
import { systemActor } from '@/lib/auth/roles';
import { insertDriver } from '@/lib/db/queries/drivers';
import { getInvoicePaidAmounts } from '@/lib/db/queries/payments';
import { getWalletBalance, listWalletEntries } from '@/lib/db/queries/wallets';
import { listInvoiceViews } from '@/lib/invoices/invoice-view';
import { issueSessionInvoice } from '@/lib/invoices/issue-session-invoice';
import { applyProviderEvent, handleProviderWebhook, startInvoicePayment, startWalletTopUp } from '@/lib/payments/card-payments';
import { createManualProvider } from '@/lib/payments/manual-provider';
import { setPaymentProvider } from '@/lib/payments/payment-provider';
import { createStripeProvider } from '@/lib/payments/stripe-provider';
import { assignTariff } from '@/lib/tariffs/assign-tariff';
import { createTariff } from '@/lib/tariffs/create-tariff';
import { createWallet } from '@/lib/wallets/wallet-ledger';

const WEBHOOK_SECRET = 'whsec_test_secret';
let t: TestDatabase;
let api: Awaited<ReturnType<typeof routeClient>>;
let invoiceIds: string[];
let walletId: string;

/** Stripe's API answered in-process: every request is recorded, nothing leaves the machine. */
const requests: { method: string; url: string; body: string; authorization: string | null }[] = [];
let nextIntent = 0;
const fakeStripeFetch: typeof fetch = async (input, init) => {
  const body = String(init?.body ?? '');
  requests.push({ method: init?.method ?? 'GET', url: String(input), body, authorization: new Headers(init?.headers).get('authorization') });
  const params = new URLSearchParams(body);
  nextIntent += 1;
  const intent = { id: `pi_test_${nextIntent}`, object: 'payment_intent', amount: Number(params.get('amount')), currency: params.get('currency'), status: 'requires_payment_method', client_secret: `pi_test_${nextIntent}_secret_abc` };
  return new Response(JSON.stringify(intent), { status: 200, headers: { 'content-type': 'application/json', 'request-id': 'req_test' } });
};
const stripe = createStripeProvider({ secretKey: 'sk_test_123', webhookSecret: WEBHOOK_SECRET, httpClient: Stripe.createFetchHttpClient(fakeStripeFetch) });
const signer = new Stripe('sk_test_123');
const stripeEvent = (type: string, object: Record<string, unknown>) => JSON.stringify({ id: `evt_${Math.random()}`, object: 'event', type, data: { object } });

beforeAll(async () => {
  setPaymentProvider(stripe);
  t = await createTestDatabase();
  api = await routeClient(t);
  await addStations(t.db, 'PAY-1');
  const tariffId = (await createTariff(t.db, systemActor, { name: 'Energy', tariff: energyAndParking }, utc('00:00', '2026-01-01'))).id;
  await assignTariff(t.db, systemActor, tariffId, { stationId: 'PAY-1' }, utc('00:00', '2026-01-01'));
  invoiceIds = [];
  for (const [i, start] of ['09:00', '11:00'].entries()) {
    const session = await startSession(t.db, { stationId: 'PAY-1', startedAt: utc(start), meterStart: i * 100_000 });
    await addEnergyReadings(t.db, session, [[new Date(utc(start).getTime() + 1_800_000), i * 100_000 + 5000]]);
    const stopped = await stopSession(t.db, session, new Date(utc(start).getTime() + 1_800_000), i * 100_000 + 5000);
    invoiceIds.push((await issueSessionInvoice(t.db, systemActor, stopped.id, utc('12:00'))).id); // €2.98 each
  }
  walletId = (await createWallet(t.db, systemActor, { driverId: (await insertDriver(t.db, { name: 'Card Topper' }, new Date())).id, currency: 'EUR' })).id;
});
afterAll(async () => {
  await api?.close();
  await t?.drop();
});

describe('the Stripe adapter (no network)', () => {
  it('creates a PaymentIntent with Stripe’s documented request shape', async () => {
    const { payment, clientSecret } = await startInvoicePayment(t.db, stripe, invoiceIds[0]!, utc('12:05'));
    expect(payment).toMatchObject({ provider: 'stripe', reference: 'pi_test_1', amount: 298, currency: 'EUR', status: 'pending' });
    expect(clientSecret).toBe('pi_test_1_secret_abc');
    const [request] = requests;
    expect(request).toMatchObject({ method: 'POST', url: 'https://api.stripe.com/v1/payment_intents', authorization: 'Bearer sk_test_123' });
    const form = new URLSearchParams(request!.body);
    expect([form.get('amount'), form.get('currency'), form.get('metadata[invoiceId]'), form.get('automatic_payment_methods[enabled]')]).toEqual(['298', 'eur', invoiceIds[0], 'true']);
  });

  it('verifies webhook signatures (generateTestHeaderString) and applies a success once', async () => {
    const payload = stripeEvent('payment_intent.succeeded', { id: 'pi_test_1', object: 'payment_intent', amount: 298, amount_received: 298, currency: 'eur', status: 'succeeded' });
    const header = signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    await expect(handleProviderWebhook(t.db, stripe, payload.replace('298', '1'), header)).rejects.toMatchObject({ status: 400, field: 'signature' });
    await expect(handleProviderWebhook(t.db, stripe, payload, signer.webhooks.generateTestHeaderString({ payload, secret: 'whsec_other' }))).rejects.toMatchObject({ field: 'signature' });
    expect(await handleProviderWebhook(t.db, stripe, payload, header, utc('12:10'))).toEqual({ outcome: 'applied' });
    expect(await handleProviderWebhook(t.db, stripe, payload, header, utc('12:11'))).toEqual({ outcome: 'duplicate' });
    expect((await getInvoicePaidAmounts(t.db, [invoiceIds[0]!])).get(invoiceIds[0]!)).toBe(298);
    await expect(startInvoicePayment(t.db, stripe, invoiceIds[0]!)).rejects.toMatchObject({ code: 'already_paid' });
  });

  it('answers the webhook route: 400 for a missing signature, 200 for a signed top-up, credited to the wallet once', async () => {
    const { payment } = await startWalletTopUp(t.db, stripe, walletId, 2500, utc('12:20'));
    const unsigned = await api.call(webhookRoute.POST, { body: '{}' });
    expect(unsigned).toMatchObject({ status: 400, body: { error: { field: 'signature' } } });
    const payload = stripeEvent('payment_intent.succeeded', { id: payment.reference, object: 'payment_intent', amount: 2500, amount_received: 2500, currency: 'eur', status: 'succeeded' });
    const send = () => webhookRoute.POST(new Request('http://localhost/api/v1/payments/webhooks/stripe', { method: 'POST', body: payload, headers: { 'stripe-signature': signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }) } }), { params: Promise.resolve({}) });
    expect(await (await send()).json()).toEqual({ outcome: 'applied' });
    expect(await (await send()).json()).toEqual({ outcome: 'duplicate' });
    expect(await getWalletBalance(t.db, walletId)).toBe(2500);
    expect((await listWalletEntries(t.db, walletId))[0]).toMatchObject({ kind: 'top_up', amount: 2500, reference: `stripe:${payment.reference}` });
  });

  it('refuses an event whose amount differs from the payment, and ignores unused event types', async () => {
    const { payment } = await startWalletTopUp(t.db, stripe, walletId, 1000, utc('12:30'));
    expect(await applyProviderEvent(t.db, 'stripe', { type: 'payment_succeeded', reference: payment.reference, amount: 999, currency: 'EUR' })).toBe('mismatch');
    const payload = stripeEvent('customer.created', { id: 'cus_1', object: 'customer' });
    expect(await handleProviderWebhook(t.db, stripe, payload, signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }))).toEqual({ outcome: 'ignored' });
    expect(await getWalletBalance(t.db, walletId)).toBe(2500);
  });
});

describe('the manual provider and reconciliation', () => {
  it('settles only on a signed report', async () => {
    const manual = createManualProvider('dev-secret');
    const { payment } = await startInvoicePayment(t.db, manual, invoiceIds[1]!, utc('13:00'));
    const body = JSON.stringify({ type: 'payment_succeeded', reference: payment.reference, amount: 100, currency: 'EUR' });
    expect(() => manual.parseWebhook(body, 'forged')).toThrow('Bad signature');
    expect(await handleProviderWebhook(t.db, manual, body, manual.sign(body), utc('13:05'))).toEqual({ outcome: 'mismatch' });
    expect((await getInvoicePaidAmounts(t.db, [invoiceIds[1]!])).get(invoiceIds[1]!)).toBeUndefined();
  });

  it('reports paid vs invoiced per day and lists the unpaid invoice', async () => {
    const report = await api.call(reconciliationRoute.GET, { role: 'viewer', path: '/api/v1/payments/reconciliation?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z' });
    expect(report.body).toMatchObject({
      days: [{ day: '2026-03-02', currency: 'EUR', invoiced: 596, paid: 298, difference: -298 }],
      mismatches: [{ invoiceId: invoiceIds[1], gross: 298, paid: 0, outstanding: 298 }],
    });
    expect((await api.call(reconciliationRoute.GET, { role: 'viewer', path: '/api/v1/payments/reconciliation?from=x&to=2026-03-03T00:00:00Z' })).body.error?.field).toBe('from');
    const states = new Map((await listInvoiceViews(t.db, {})).map((invoice) => [invoice.id, [invoice.paymentState, invoice.paid]]));
    expect([states.get(invoiceIds[0]!), states.get(invoiceIds[1]!)]).toEqual([['paid', 298], ['unpaid', 0]]);
  });

  it('starts a card payment over REST (operator) with the configured provider', async () => {
    expect((await api.call(payInvoiceRoute.POST, { role: 'viewer', params: { id: invoiceIds[1]! }, body: {} })).status).toBe(403);
    const started = await api.call(payInvoiceRoute.POST, { role: 'operator', params: { id: invoiceIds[1]! }, body: {} });
    expect(started).toMatchObject({ status: 201, body: { provider: 'stripe', amount: 298, currency: 'EUR', clientSecret: expect.stringMatching(/^pi_.*_secret_/) } });
    setPaymentProvider(null);
    expect((await api.call(payInvoiceRoute.POST, { role: 'operator', params: { id: invoiceIds[1]! }, body: {} })).body.error?.code).toBe('card_payments_disabled');
    expect((await api.call(webhookRoute.POST, { body: '{}' })).status).toBe(404);
  });
});
