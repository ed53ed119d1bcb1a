import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { routeClient } from '../sites/route-client';
import { signedCheckoutEvent, startStripeTestServer, type StripeTestServer } from '../../support/stripe-server';
import * as webhookRoute from '@/app/api/v1/payments/webhooks/stripe/route';
import { systemActor } from '@/lib/auth/roles';
import { insertDriver } from '@/lib/db/queries/drivers';
import { insertInvoice } from '@/lib/db/queries/invoices';
import { getInvoicePaidAmounts } from '@/lib/db/queries/payments';
import { getWalletBalance, listWalletEntries } from '@/lib/db/queries/wallets';
import { getDriverBilling } from '@/lib/driver-portal/driver-billing';
import { getDriverPaymentView, startDriverCardTopUp, startDriverInvoiceCheckout } from '@/lib/driver-portal/driver-card-payments';
import { handleProviderWebhook } from '@/lib/payments/card-payments';
import { driverReturnUrls } from '@/lib/payments/checkout';
import { createManualProvider } from '@/lib/payments/manual-provider';
import { setPaymentProvider } from '@/lib/payments/payment-provider';
import type { PaymentProvider } from '@/lib/payments/provider';
import { createStripeProvider } from '@/lib/payments/stripe-provider';
import { createWallet } from '@/lib/wallets/wallet-ledger';
import { eq } from 'drizzle-orm';
import { EVENTS_CHANNEL, type CsmsEvent } from '@/lib/bus/events';
import { auditLog, payments } from '@/lib/db/schema';
import { createInvoicePaymentLink, createTopUpPaymentLink } from '@/lib/payments/payment-links';
import * as payInvoiceRoute from '@/app/api/v1/invoices/[id]/payments/route';
import { stripeMinimumCharge } from '@/lib/payments/minimum-charge';
import { formatMinorUnits } from '@/lib/pricing/currency';

const SECRET = 'whsec_checkout_test';
const ORIGIN = 'https://charge.example.com';
let t: TestDatabase;
let server: StripeTestServer;
let stripe: PaymentProvider;
let api: Awaited<ReturnType<typeof routeClient>>;
const ids = { dana: '', eve: '', danaWallet: '', danaInvoice: '', eveInvoice: '' };

/** The session the test server answered, as Stripe would then put it in an event (paid or not). */
const sessionAs = (reference: string, changes: Record<string, unknown>) => ({ ...server.sessions.get(reference)!, ...changes });
/** Through the public route, as Stripe posts it. */
const postWebhook = async (payload: string, signature: string) => {
  const response = await webhookRoute.POST(new Request('http://localhost/api/v1/payments/webhooks/stripe', { method: 'POST', body: payload, headers: { 'stripe-signature': signature } }), { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as unknown };
};
const deliver = (type: string, session: Record<string, unknown>) => {
  const { payload, signature } = signedCheckoutEvent(type, session, SECRET);
  return handleProviderWebhook(t.db, stripe, payload, signature);
};

beforeAll(async () => {
  t = await createTestDatabase();
  api = await routeClient(t);
  server = await startStripeTestServer();
  stripe = createStripeProvider({ secretKey: 'sk_test_checkout', webhookSecret: SECRET, apiBase: server.url });
  setPaymentProvider(stripe);
  const now = new Date('2026-11-27T10:00:00Z');
  ids.dana = (await insertDriver(t.db, { name: 'Dana', email: 'dana@example.com', status: 'active' }, now)).id;
  ids.eve = (await insertDriver(t.db, { name: 'Eve', email: 'eve@example.com', status: 'active' }, now)).id;
  ids.danaWallet = (await createWallet(t.db, systemActor, { driverId: ids.dana, currency: 'EUR' })).id;
  const invoice = (driverId: string, sequence: number) =>
    insertInvoice(t.db, { number: `INV-2026-${sequence}`, series: 'INV', year: 2026, sequence, kind: 'session', issuedAt: now, currency: 'EUR', net: 1000, vat: 190, gross: 1190, driverId, customerName: 'x', issuedBy: 'test' }, []);
  ids.danaInvoice = (await invoice(ids.dana, 1)).id;
  ids.eveInvoice = (await invoice(ids.eve, 2)).id;
});
afterAll(async () => {
  setPaymentProvider(null);
  await api?.close();
  await server?.close();
  await t?.drop();
});

describe('the Stripe adapter: Checkout Sessions (against a local server playing Stripe, STRIPE_API_BASE)', () => {
  it('sends the documented form-encoded request and returns the session id and hosted url', async () => {
    const result = await stripe.createCheckoutSession({
      amount: 2050, currency: 'EUR', description: 'Wallet top-up', metadata: { walletId: 'w1', paymentId: 'p1' },
      successUrl: `${ORIGIN}/driver/payments/p1`, cancelUrl: `${ORIGIN}/driver/payments/p1?cancelled=1`,
    });
    expect(result).toEqual({ reference: 'cs_test_1', url: `${server.url}/pay/cs_test_1` });
    const request = server.requests.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/checkout/sessions', authorization: 'Bearer sk_test_checkout', contentType: 'application/x-www-form-urlencoded' });
    const form = Object.fromEntries(request.form);
    expect(form).toMatchObject({
      mode: 'payment',
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'eur',
      'line_items[0][price_data][unit_amount]': '2050',
      'line_items[0][price_data][product_data][name]': 'Wallet top-up',
      success_url: `${ORIGIN}/driver/payments/p1`,
      cancel_url: `${ORIGIN}/driver/payments/p1?cancelled=1`,
      client_reference_id: 'p1',
      'metadata[walletId]': 'w1',
      'metadata[paymentId]': 'p1',
      'payment_intent_data[metadata][paymentId]': 'p1',
      'payment_intent_data[description]': 'Wallet top-up',
    });
    // Stripe allows a Checkout Session to live 30 min to 24 h.
    const lifetime = Number(form.expires_at) - Date.now() / 1000;
    expect(lifetime).toBeGreaterThan(30 * 60);
    expect(lifetime).toBeLessThanOrEqual(24 * 3600);
  });

  it('surfaces an error answer of the API as an error', async () => {
    await expect(stripe.capture('pi_missing')).rejects.toThrow(/Unrecognized request URL \(POST: \/v1\/payment_intents\/pi_missing\/capture\)/);
  });
});

describe('a driver tops up by card: pending until the verified webhook', () => {
  let paymentId = '';
  let reference = '';

  it('opens Checkout for the driver’s own wallet with return urls naming the payment', async () => {
    const { payment, url } = await startDriverCardTopUp(t.db, stripe, ids.dana, '20.50', driverReturnUrls(ORIGIN));
    [paymentId, reference] = [payment.id, payment.reference];
    expect(payment).toMatchObject({ purpose: 'wallet_top_up', walletId: ids.danaWallet, amount: 2050, currency: 'EUR', status: 'pending', reference: expect.stringMatching(/^cs_test_/) });
    expect(url).toBe(`${server.url}/pay/${reference}`);
    expect(server.sessions.get(reference)).toMatchObject({ success_url: `${ORIGIN}/driver/payments/${paymentId}`, cancel_url: `${ORIGIN}/driver/payments/${paymentId}?cancelled=1`, client_reference_id: paymentId });
    expect(await getDriverPaymentView(t.db, ids.dana, paymentId)).toMatchObject({ status: 'pending', amount: 2050, balance: 0 });
  });

  it('refuses a forged signature and credits nothing', async () => {
    const { payload } = signedCheckoutEvent('checkout.session.completed', sessionAs(reference, { payment_status: 'paid', status: 'complete' }), SECRET);
    const forged = signedCheckoutEvent('checkout.session.completed', sessionAs(reference, { payment_status: 'paid' }), 'whsec_attacker').signature;
    await expect(handleProviderWebhook(t.db, stripe, payload, forged)).rejects.toMatchObject({ status: 400, field: 'signature' });
    expect(await postWebhook(payload, forged)).toMatchObject({ status: 400, body: { error: { field: 'signature' } } });
    expect(await getWalletBalance(t.db, ids.danaWallet)).toBe(0);
  });

  it('credits the wallet once on checkout.session.completed (paid), and a later expiry does not undo it', async () => {
    const paid = sessionAs(reference, { payment_status: 'paid', status: 'complete' });
    const { payload, signature } = signedCheckoutEvent('checkout.session.completed', paid, SECRET);
    expect(await postWebhook(payload, signature)).toEqual({ status: 200, body: { outcome: 'applied' } });
    expect(await deliver('checkout.session.completed', paid)).toEqual({ outcome: 'duplicate' });
    expect(await deliver('checkout.session.expired', sessionAs(reference, { status: 'expired' }))).toEqual({ outcome: 'ignored' });
    expect(await getDriverPaymentView(t.db, ids.dana, paymentId)).toMatchObject({ status: 'succeeded', balance: 2050 });
    expect(await listWalletEntries(t.db, ids.danaWallet)).toEqual([expect.objectContaining({ kind: 'top_up', amount: 2050, reference: `stripe:${reference}` })]);
  });

  it('waits on a delayed method: completed "unpaid" is ignored, async_payment_succeeded pays, async_payment_failed fails', async () => {
    const first = await startDriverCardTopUp(t.db, stripe, ids.dana, '10', driverReturnUrls(ORIGIN));
    expect(await deliver('checkout.session.completed', sessionAs(first.payment.reference, { payment_status: 'unpaid', status: 'complete' }))).toEqual({ outcome: 'ignored' });
    expect(await getDriverPaymentView(t.db, ids.dana, first.payment.id)).toMatchObject({ status: 'pending' });
    expect(await deliver('checkout.session.async_payment_succeeded', sessionAs(first.payment.reference, { payment_status: 'paid' }))).toEqual({ outcome: 'applied' });
    const second = await startDriverCardTopUp(t.db, stripe, ids.dana, '10', driverReturnUrls(ORIGIN));
    expect(await deliver('checkout.session.async_payment_failed', sessionAs(second.payment.reference, {}))).toEqual({ outcome: 'applied' });
    expect(await getDriverPaymentView(t.db, ids.dana, second.payment.id)).toMatchObject({ status: 'failed' });
    expect(await getWalletBalance(t.db, ids.danaWallet)).toBe(2050 + 1000);
  });

  it('fails an expired session, and refuses a report whose amount or currency differs', async () => {
    const expired = await startDriverCardTopUp(t.db, stripe, ids.dana, '15', driverReturnUrls(ORIGIN));
    expect(await deliver('checkout.session.expired', sessionAs(expired.payment.reference, { status: 'expired' }))).toEqual({ outcome: 'applied' });
    expect(await getDriverPaymentView(t.db, ids.dana, expired.payment.id)).toMatchObject({ status: 'failed' });
    const other = await startDriverCardTopUp(t.db, stripe, ids.dana, '15', driverReturnUrls(ORIGIN));
    expect(await deliver('checkout.session.completed', sessionAs(other.payment.reference, { payment_status: 'paid', amount_total: 1 }))).toEqual({ outcome: 'mismatch' });
    expect(await deliver('checkout.session.completed', sessionAs(other.payment.reference, { payment_status: 'paid', currency: 'usd' }))).toEqual({ outcome: 'mismatch' });
    expect(await deliver('checkout.session.completed', sessionAs(other.payment.reference, { payment_status: 'paid' }))).toEqual({ outcome: 'applied' });
    expect(await getWalletBalance(t.db, ids.danaWallet)).toBe(3050 + 1500);
  });
});

describe('only the driver’s own wallet and invoices', () => {
  it('names the amount field when it is missing, malformed or outside the limits', async () => {
    for (const [text, message] of [['', 'Amount is required.'], ['abc', 'Amount must be an amount such as 20.00.'], ['4.99', 'Amount must be at least €5.00.'], ['500.01', 'Amount must be at most €500.00.'], ['1.001', 'Amount must be an amount such as 20.00.']]) {
      await expect(startDriverCardTopUp(t.db, stripe, ids.dana, text!, driverReturnUrls(ORIGIN))).rejects.toMatchObject({ status: 400, field: 'amount', message });
    }
  });

  it('refuses a top-up for a driver without a wallet', async () => {
    await expect(startDriverCardTopUp(t.db, stripe, ids.eve, '20', driverReturnUrls(ORIGIN))).rejects.toMatchObject({ status: 409, code: 'no_wallet' });
  });

  it('pays the driver’s own invoice (what is owed) and answers another driver’s as not found', async () => {
    const owed = async () => (await getDriverBilling(t.db, ids.dana)).invoices.map((invoice) => invoice.owed);
    expect(await owed()).toEqual([1190]);
    const before = server.sessions.size;
    await expect(startDriverInvoiceCheckout(t.db, stripe, ids.dana, ids.eveInvoice, driverReturnUrls(ORIGIN))).rejects.toMatchObject({ status: 404 });
    await expect(startDriverInvoiceCheckout(t.db, stripe, ids.dana, 'not-a-uuid', driverReturnUrls(ORIGIN))).rejects.toMatchObject({ status: 404 });
    expect(server.sessions.size).toBe(before);
    const { payment } = await startDriverInvoiceCheckout(t.db, stripe, ids.dana, ids.danaInvoice, driverReturnUrls(ORIGIN));
    expect(payment).toMatchObject({ purpose: 'invoice', invoiceId: ids.danaInvoice, amount: 1190, status: 'pending' });
    expect(Object.fromEntries(server.requests.at(-1)!.form)).toMatchObject({ 'line_items[0][price_data][product_data][name]': 'Invoice INV-2026-1', 'metadata[invoiceId]': ids.danaInvoice });
    expect(await getDriverPaymentView(t.db, ids.dana, payment.id)).toMatchObject({ purpose: 'invoice', invoiceNumber: 'INV-2026-1', balance: null });
    await expect(getDriverPaymentView(t.db, ids.eve, payment.id)).rejects.toMatchObject({ status: 404 });
    expect(await deliver('checkout.session.completed', sessionAs(payment.reference, { payment_status: 'paid' }))).toEqual({ outcome: 'applied' });
    expect((await getInvoicePaidAmounts(t.db, [ids.danaInvoice])).get(ids.danaInvoice)).toBe(1190);
    expect(await owed()).toEqual([0]);
    await expect(startDriverInvoiceCheckout(t.db, stripe, ids.dana, ids.danaInvoice, driverReturnUrls(ORIGIN))).rejects.toMatchObject({ code: 'already_paid' });
  });

  it('the manual provider sends the browser straight back, still pending', async () => {
    const manual = createManualProvider('dev-secret');
    const { payment, url } = await startDriverInvoiceCheckout(t.db, manual, ids.eve, ids.eveInvoice, driverReturnUrls(ORIGIN));
    expect(url).toBe(`${ORIGIN}/driver/payments/${payment.id}`);
    expect(await getDriverPaymentView(t.db, ids.eve, payment.id)).toMatchObject({ status: 'pending' });
  });
});

describe('payment links an admin creates for a driver', () => {
  const admin = { type: 'user' as const, id: 'u-admin', label: 'ada@example.com', role: 'admin' as const };

  it('creates a top-up link for the driver’s wallet, audited, pending until the webhook', async () => {
    await expect(createTopUpPaymentLink(t.db, stripe, admin, { walletId: ids.danaWallet, amount: '1000', origin: ORIGIN })).rejects.toMatchObject({ status: 400, field: 'amount', message: 'Amount must be at most €500.00.' });
    const link = await createTopUpPaymentLink(t.db, stripe, admin, { walletId: ids.danaWallet, amount: '30', origin: ORIGIN });
    expect(link.url).toMatch(new RegExp(`^${server.url}/pay/cs_test_\\d+$`));
    expect(server.sessions.get(link.url.split('/').at(-1)!)).toMatchObject({ amount_total: 3000, success_url: `${ORIGIN}/driver/payments/${link.paymentId}` });
    expect(await getDriverPaymentView(t.db, ids.dana, link.paymentId)).toMatchObject({ purpose: 'wallet_top_up', status: 'pending', amount: 3000 });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.targetId, link.paymentId));
    expect(entry).toMatchObject({ action: 'payment.link_create', actorLabel: 'ada@example.com', targetType: 'payment', after: expect.objectContaining({ walletId: ids.danaWallet, amount: 3000, currency: 'EUR' }) });
  });

  it('creates an invoice link only for an invoice with a driver', async () => {
    const walkIn = await insertInvoice(t.db, { number: 'INV-2026-3', series: 'INV', year: 2026, sequence: 3, kind: 'session', issuedAt: new Date(), currency: 'EUR', net: 100, vat: 0, gross: 100, customerName: 'Walk-in', issuedBy: 'test' }, []);
    await expect(createInvoicePaymentLink(t.db, stripe, admin, { invoiceId: walkIn.id, origin: ORIGIN })).rejects.toMatchObject({ status: 409, code: 'no_driver' });
    const link = await createInvoicePaymentLink(t.db, stripe, admin, { invoiceId: ids.eveInvoice, origin: ORIGIN });
    expect(await getDriverPaymentView(t.db, ids.eve, link.paymentId)).toMatchObject({ purpose: 'invoice', amount: 1190 });
    expect(await t.db.select().from(auditLog).where(eq(auditLog.targetId, link.paymentId))).toHaveLength(1);
  });
});

describe('one open card payment per invoice', () => {
  const admin = { type: 'user' as const, id: 'u-admin', label: 'ada@example.com', role: 'admin' as const };
  const pendingStripe = async () => (await t.db.select().from(payments).where(eq(payments.invoiceId, ids.eveInvoice))).filter((p) => p.provider === 'stripe');

  it('closes the earlier page at the provider before opening another (two tabs cannot pay twice), and tells its return page', async () => {
    const [earlier] = (await pendingStripe()).filter((p) => p.status === 'pending');
    const heard: CsmsEvent[] = [];
    const listening = await t.db.$client.listen(EVENTS_CHANNEL, (payload) => heard.push(...(JSON.parse(payload) as CsmsEvent[])));
    const next = await createInvoicePaymentLink(t.db, stripe, admin, { invoiceId: ids.eveInvoice, origin: ORIGIN });
    for (let tries = 0; tries < 100 && !heard.some((e) => e.kind === 'payment.updated'); tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    await listening.unlisten();
    expect(heard.filter((e) => e.kind === 'payment.updated')).toEqual([{ kind: 'payment.updated', paymentId: earlier!.id }]);
    expect(server.sessions.get(earlier!.reference)).toMatchObject({ status: 'expired' });
    expect(server.requests.some((r) => r.method === 'POST' && r.path === `/v1/checkout/sessions/${earlier!.reference}/expire`)).toBe(true);
    const states = new Map((await pendingStripe()).map((p) => [p.id, p.status]));
    expect([states.get(earlier!.id), states.get(next.paymentId)]).toEqual(['failed', 'pending']);
  });

  it('opens nothing new once the provider says the open page was paid: its webhook settles the invoice', async () => {
    const [open] = (await pendingStripe()).filter((p) => p.status === 'pending');
    Object.assign(server.sessions.get(open!.reference)!, { status: 'complete', payment_status: 'paid' });
    const sessionsBefore = server.sessions.size;
    await expect(startDriverInvoiceCheckout(t.db, stripe, ids.eve, ids.eveInvoice, driverReturnUrls(ORIGIN))).rejects.toMatchObject({ status: 409, code: 'payment_in_progress' });
    expect(server.sessions.size).toBe(sessionsBefore);
    expect((await pendingStripe()).find((p) => p.id === open!.id)?.status).toBe('pending');
  });
});

describe('a refund of a hosted-page payment', () => {
  it('is matched through the PaymentIntent learnt when the session was paid (Stripe reports refunds under it)', async () => {
    const { payment } = await startDriverCardTopUp(t.db, stripe, ids.dana, '12', driverReturnUrls(ORIGIN));
    expect(await deliver('checkout.session.completed', sessionAs(payment.reference, { payment_status: 'paid', status: 'complete', payment_intent: 'pi_test_checkout_1' }))).toEqual({ outcome: 'applied' });
    const charge = { id: 'ch_test_1', object: 'charge', amount: 1200, amount_refunded: 1200, currency: 'eur', payment_intent: 'pi_test_checkout_1', refunded: true };
    const { payload, signature } = signedCheckoutEvent('charge.refunded', charge, SECRET);
    expect(await handleProviderWebhook(t.db, stripe, payload, signature)).toEqual({ outcome: 'applied' });
    const [row] = await t.db.select().from(payments).where(eq(payments.id, payment.id));
    expect(row).toMatchObject({ status: 'refunded', reference: payment.reference, intentReference: 'pi_test_checkout_1' });
    // The money went back to the card: the wallet gives it back too, once.
    const balance = await getWalletBalance(t.db, ids.danaWallet);
    expect((await listWalletEntries(t.db, ids.danaWallet)).slice(0, 2).map((entry) => [entry.kind, entry.amount])).toEqual([['adjustment', -1200], ['top_up', 1200]]);
    expect(await handleProviderWebhook(t.db, stripe, payload, signature)).toEqual({ outcome: 'duplicate' });
    expect(await getWalletBalance(t.db, ids.danaWallet)).toBe(balance);
  });
});

describe('Stripe’s minimum charge per currency (docs.stripe.com/currencies)', () => {
  it('knows the documented minimums in minor units, and none for a currency Stripe does not list', () => {
    expect(['USD', 'EUR', 'GBP', 'CHF', 'DKK', 'HKD', 'JPY', 'HUF', 'MXN', 'THB'].map((c) => [c, stripeMinimumCharge(c)])).toEqual([
      ['USD', 50], ['EUR', 50], ['GBP', 30], ['CHF', 50], ['DKK', 250], ['HKD', 400], ['JPY', 50], ['HUF', 17500], ['MXN', 1000], ['THB', 1000],
    ]);
    expect(stripeMinimumCharge('KWD')).toBeUndefined();
    expect(createManualProvider('x').minimumCharge).toBeUndefined();
  });

  it('refuses a smaller invoice payment (portal and REST) with a 400 naming amount, before anything reaches Stripe', async () => {
    const now = new Date('2026-11-27T11:00:00Z');
    const small = await insertInvoice(t.db, { number: 'INV-2026-10', series: 'INV', year: 2026, sequence: 10, kind: 'session', issuedAt: now, currency: 'EUR', net: 42, vat: 7, gross: 49, driverId: ids.dana, customerName: 'Dana', issuedBy: 'test' }, []);
    const requests = server.requests.length;
    await expect(startDriverInvoiceCheckout(t.db, stripe, ids.dana, small.id, driverReturnUrls(ORIGIN))).rejects.toMatchObject({
      status: 400, field: 'amount', message: 'amount: €0.49 is below the card minimum of €0.50; smaller amounts cannot be paid by card',
    });
    const rest = await api.call(payInvoiceRoute.POST, { role: 'operator', params: { id: small.id }, body: {} });
    expect([rest.status, rest.body.error?.field]).toEqual([400, 'amount']);
    expect(server.requests.length).toBe(requests);
    expect(await t.db.select().from(payments).where(eq(payments.invoiceId, small.id))).toEqual([]);
    // 1 cent more is chargeable: €0.50 is Stripe's EUR minimum itself.
    const enough = await insertInvoice(t.db, { number: 'INV-2026-11', series: 'INV', year: 2026, sequence: 11, kind: 'session', issuedAt: now, currency: 'EUR', net: 42, vat: 8, gross: 50, driverId: ids.dana, customerName: 'Dana', issuedBy: 'test' }, []);
    expect((await startDriverInvoiceCheckout(t.db, stripe, ids.dana, enough.id, driverReturnUrls(ORIGIN))).payment).toMatchObject({ amount: 50, status: 'pending' });
  });

  it('holds the portal top-up form to the minimum where it is above the form’s own (HUF 175.00 > HUF 5.00)', async () => {
    const ferenc = (await insertDriver(t.db, { name: 'Ferenc', email: 'ferenc@example.com', status: 'active' }, new Date())).id;
    await createWallet(t.db, systemActor, { driverId: ferenc, currency: 'HUF' });
    const requests = server.requests.length;
    await expect(startDriverCardTopUp(t.db, stripe, ferenc, '100', driverReturnUrls(ORIGIN))).rejects.toMatchObject({ status: 400, field: 'amount', message: `Amount must be at least ${formatMinorUnits(17500, 'HUF')}.` }); // HUF 175.00 (Intl puts a no-break space)
    expect(server.requests.length).toBe(requests);
    expect((await startDriverCardTopUp(t.db, stripe, ferenc, '175', driverReturnUrls(ORIGIN))).payment).toMatchObject({ amount: 17500, currency: 'HUF' });
  });
});
