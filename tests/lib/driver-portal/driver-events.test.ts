import { afterAll, beforeAll, expect, it } from 'vitest';
import * as driverEventsRoute from '@/app/api/driver/events/route';
import { createBus, type Bus } from '@/lib/bus/bus';
import type { CsmsEvent } from '@/lib/bus/events';
import { getBus } from '@/lib/bus/get-bus';
import { insertTransaction } from '@/lib/db/queries/transactions';
import { stations } from '@/lib/db/schema';
import { signUpDriver } from '@/lib/driver-portal/driver-sign-up';
import * as webhookRoute from '@/app/api/v1/payments/webhooks/stripe/route';
import { systemActor } from '@/lib/auth/roles';
import { startWalletTopUp } from '@/lib/payments/card-payments';
import { createManualProvider } from '@/lib/payments/manual-provider';
import { setPaymentProvider } from '@/lib/payments/payment-provider';
import { createWallet } from '@/lib/wallets/wallet-ledger';
import { eventually } from '../../support/eventually';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

// The connector page's live session: GET /api/driver/events carries only the driver's own
// transactions (and the status of the connector they look at), never another driver's.
let t: TestDatabase;
let bus: Bus;
const streams: AbortController[] = [];
let sam: { cookie: string; transactionId: number; driverId: string };
let pat: { cookie: string; transactionId: number; driverId: string };

async function signUpWithSession(name: string, connectorId: number) {
  const { appTag, session, driverId } = await signUpDriver(t.db, { origin: 'https://charge.example.com', name, email: `${name}@example.com`, password: 'long enough secret', ip: name });
  const transaction = await insertTransaction(t.db, { stationId: 'SSE-1', connectorId, idTag: appTag, authStatus: 'Accepted', meterStart: 0, startedAt: new Date() });
  return { cookie: `other=1; csms_driver=${session.token}`, transactionId: transaction.id, driverId };
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url; // the route's process-wide bus and db
  await t.db.insert(stations).values({ id: 'SSE-1' });
  sam = await signUpWithSession('sam', 1);
  pat = await signUpWithSession('pat', 2);
  bus = createBus(t.db.$client);
});
afterAll(async () => {
  for (const stream of streams) stream.abort();
  await bus?.close();
  await getBus().close();
  const { getDb } = await import('@/lib/db/client');
  await getDb().$client.end();
  await t?.drop();
});

async function openStream(cookie: string | null, query = '') {
  const abort = new AbortController();
  streams.push(abort);
  const request = new Request(`http://localhost/api/driver/events${query}`, { headers: cookie ? { cookie } : {}, signal: abort.signal });
  const response = await driverEventsRoute.GET(request);
  const received = { status: response.status, text: '' };
  if (response.status !== 200) return received;
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      received.text += decoder.decode(value, { stream: true });
    }
  })();
  return received;
}

const publish = async (...events: CsmsEvent[]) => {
  for (const event of events) bus.publish(event);
  await bus.flush();
};

it('answers 401 without a driver session', async () => {
  expect((await openStream(null)).status).toBe(401);
  expect((await openStream('csms_driver=not-a-session')).status).toBe(401);
});

it('forwards the driver’s own transaction events and never another driver’s', async () => {
  const samStream = await openStream(sam.cookie, '?stationId=SSE-1&connectorId=1');
  const patStream = await openStream(pat.cookie);
  // The web process's LISTEN starts with the first stream: wait until the watched connector's status gets through.
  await eventually(
    async () => {
      await publish({ kind: 'connector.status', stationId: 'SSE-1', connectorId: 1 });
      return samStream.text;
    },
    (text) => text.includes('event: connector.status'),
    10_000,
  );

  // Pat's events first, then Sam's: the stream keeps journal order, so once Sam's last one is
  // there, anything of Pat's that was forwarded would be there too.
  await publish(
    { kind: 'transaction.started', stationId: 'SSE-1', transactionId: pat.transactionId },
    { kind: 'meter.values', stationId: 'SSE-1', connectorId: 2, transactionId: pat.transactionId },
    { kind: 'connector.status', stationId: 'SSE-1', connectorId: 2 },
    { kind: 'meter.values', stationId: 'SSE-1', connectorId: 1, transactionId: null },
  );
  await publish(
    { kind: 'transaction.started', stationId: 'SSE-1', transactionId: sam.transactionId },
    { kind: 'meter.values', stationId: 'SSE-1', connectorId: 1, transactionId: sam.transactionId },
  );
  await eventually(async () => samStream.text, (text) => text.includes('event: meter.values'), 10_000);
  await eventually(async () => patStream.text, (text) => text.includes('event: meter.values'), 10_000);

  expect(samStream.text).toContain(`data: {"kind":"transaction.started","stationId":"SSE-1","transactionId":${sam.transactionId}}`);
  expect(samStream.text).toContain(`data: {"kind":"meter.values","stationId":"SSE-1","connectorId":1,"transactionId":${sam.transactionId}}`);
  expect(samStream.text).not.toContain(`"transactionId":${pat.transactionId}`);
  expect(samStream.text).not.toContain('"connectorId":2');
  expect(samStream.text).not.toContain('"transactionId":null');
  // Pat watches no connector: only Pat's own transaction.
  expect(patStream.text).toContain(`data: {"kind":"meter.values","stationId":"SSE-1","connectorId":2,"transactionId":${pat.transactionId}}`);
  expect(patStream.text).not.toContain(`"transactionId":${sam.transactionId}`);
  expect(patStream.text).not.toContain('connector.status');
});

it('tells a driver when their own card payment moves (through the webhook), never another driver’s', async () => {
  const manual = createManualProvider('driver-events-secret');
  setPaymentProvider(manual);
  const topUp = async (driverId: string) => {
    const wallet = await createWallet(t.db, systemActor, { driverId, currency: 'EUR' });
    return (await startWalletTopUp(t.db, manual, wallet.id, 2000)).payment;
  };
  const [samPayment, patPayment] = [await topUp(sam.driverId), await topUp(pat.driverId)];
  const samStream = await openStream(sam.cookie);
  const patStream = await openStream(pat.cookie);
  const webhook = async (reference: string) => {
    const body = JSON.stringify({ type: 'payment_succeeded', reference, amount: 2000, currency: 'EUR' });
    const request = new Request('http://localhost/api/v1/payments/webhooks/stripe', { method: 'POST', body, headers: { 'stripe-signature': manual.sign(body) } });
    const response = await webhookRoute.POST(request, { params: Promise.resolve({}) });
    expect(await response.json()).toEqual({ outcome: 'applied' });
  };

  // Pat's payment first, then Sam's: once Sam's is on Sam's stream, Pat's would be there too had it been forwarded.
  await webhook(patPayment.reference);
  await webhook(samPayment.reference);
  await eventually(async () => samStream.text, (text) => text.includes('event: payment.updated'), 10_000);
  await eventually(async () => patStream.text, (text) => text.includes('event: payment.updated'), 10_000);
  expect(samStream.text).toContain(`data: {"kind":"payment.updated","paymentId":"${samPayment.id}"}`);
  expect(samStream.text).not.toContain(patPayment.id);
  expect(patStream.text).toContain(`data: {"kind":"payment.updated","paymentId":"${patPayment.id}"}`);
  expect(patStream.text).not.toContain(samPayment.id);

  // A duplicate report moves nothing and tells nobody: a marker sent after it arrives alone.
  const body = JSON.stringify({ type: 'payment_succeeded', reference: samPayment.reference, amount: 2000, currency: 'EUR' });
  const again = await webhookRoute.POST(new Request('http://localhost/x', { method: 'POST', body, headers: { 'stripe-signature': manual.sign(body) } }), { params: Promise.resolve({}) });
  expect(await again.json()).toEqual({ outcome: 'duplicate' });
  await getBus().flush();
  await publish({ kind: 'transaction.updated', stationId: 'SSE-1', transactionId: sam.transactionId });
  await eventually(async () => samStream.text, (text) => text.includes('event: transaction.updated'), 10_000);
  expect(samStream.text.split('event: payment.updated')).toHaveLength(2);
});
