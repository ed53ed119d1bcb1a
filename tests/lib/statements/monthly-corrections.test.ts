import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { routeClient } from '../sites/route-client';
import { pdfText } from '../invoices/pdf-text';
import { getInvoicePdf } from '@/lib/invoices/invoice-view';
import * as creditNoteRoute from '@/app/api/v1/invoices/[id]/credit-note/route';
import * as monthlyRunRoute from '@/app/api/v1/invoices/monthly/route';
import { addEnergyReadings, addStations, energyAndParking, stopSession } from '../billing/fixtures';
import { systemActor } from '@/lib/auth/roles';
import { resettleRestatedTransaction, settleStoppedTransaction } from '@/lib/billing/settle-transaction';
import { insertDriver, updateDriverRow } from '@/lib/db/queries/drivers';
import { upsertIdTag } from '@/lib/db/queries/id-tags';
import { listInvoiceLines } from '@/lib/db/queries/invoices';
import { getInvoicePaidAmounts } from '@/lib/db/queries/payments';
import { sumIncludedEnergyUsed } from '@/lib/db/queries/subscriptions';
import { restateTransactionStop } from '@/lib/db/queries/transactions';
import { getWalletBalance } from '@/lib/db/queries/wallets';
import type { Invoice } from '@/lib/db/schema';
import { issueCreditNote } from '@/lib/invoices/issue-credit-note';
import { issueMonthlyInvoices } from '@/lib/statements/issue-monthly-invoices';
import { setInvoicingMode } from '@/lib/statements/invoicing-mode';
import { createPlan, subscribeDriver } from '@/lib/subscriptions/manage-subscriptions';
import { createTariff } from '@/lib/tariffs/create-tariff';
import { startTransaction } from '@/lib/transactions/start-transaction';
import { createWallet, topUpWallet } from '@/lib/wallets/wallet-ledger';

/**
 * €0.30/kWh + €1 per session, 19 % VAT per line; plan "Commuter": 15 kWh included per month (periods
 * from 1 March). Mia is invoiced monthly and has a wallet of €50.00. Three sessions of 10 kWh in March,
 * by hand (as on session invoices, tests/lib/subscriptions/included-energy-billing.test.ts):
 *  S1: energy 300 + 57, fee 100 + 19, included 10,000 Wh −300 −57 → net 100, VAT 19, gross 119
 *  S2: the 5,000 Wh left: −150 −29 (28.5)                          → net 250, VAT 47, gross 297
 *  S3: nothing left                                                → net 400, VAT 76, gross 476
 * March's invoice: net 750, VAT 142, gross 892.
 */
const PERIOD_START = new Date('2026-03-01T00:00:00Z');
let t: TestDatabase;
let api: Awaited<ReturnType<typeof routeClient>>;
let subscriptionId: string;
let walletId: string;
const s: number[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  api = await routeClient(t); // first: it points the process-wide client (and env) at this database
  await addStations(t.db, 'MC-1');
  await createTariff(t.db, systemActor, { name: 'Default', isDefault: true, tariff: energyAndParking }, new Date('2026-01-01T00:00:00Z'));
  const plan = await createPlan(t.db, systemActor, { name: 'Commuter', currency: 'EUR', monthlyFee: 999, vatPercent: 19, includedWh: 15_000 });
  const driverId = (await insertDriver(t.db, { name: 'Mia', email: 'mia@example.com' }, new Date())).id;
  await upsertIdTag(t.db, { idTag: 'MIA', driverId, maxConcurrentTx: null });
  subscriptionId = (await subscribeDriver(t.db, systemActor, { driverId, planId: plan.id, startsAt: PERIOD_START })).id;
  walletId = (await createWallet(t.db, systemActor, { driverId, currency: 'EUR' })).id;
  await topUpWallet(t.db, systemActor, walletId, { amount: 5000 }, new Date('2026-02-20T10:00:00Z'));
  await setInvoicingMode(t.db, systemActor, { driverId, subject: 'driver', mode: 'monthly' });
  for (const [index, day] of ['2026-03-02', '2026-03-03', '2026-03-04'].entries()) {
    const startedAt = new Date(`${day}T09:00:00Z`);
    const stoppedAt = new Date(startedAt.getTime() + 30 * 60_000);
    const { transaction } = await startTransaction(t.db, { stationId: 'MC-1', request: { connectorId: index + 1, idTag: 'MIA', meterStart: 0, timestamp: startedAt.toISOString() }, now: startedAt });
    await addEnergyReadings(t.db, transaction, [[stoppedAt, 10_000]]);
    await stopSession(t.db, transaction, stoppedAt, 10_000);
    await settleStoppedTransaction(t.db, transaction.id, new Date(stoppedAt.getTime() + 60_000));
    s.push(transaction.id);
  }
});
afterAll(async () => {
  await api?.close();
  await t?.drop();
});

const lines = async (invoice: Invoice) => (await listInvoiceLines(t.db, invoice.id)).map((line) => [line.component, line.description, line.net, line.vat, line.gross]);
const used = () => sumIncludedEnergyUsed(t.db, { subscriptionId, periodStart: PERIOD_START });
const marchLines = (s1: [number, number, number] = [400, 76, 476]) => [
  ['SESSION', `Session ${s[0]}, 2026-03-02, ${s1[0] === 400 ? 10 : 12} kWh`, ...s1],
  ['INCLUDED_ENERGY', `Session ${s[0]}: Included energy (Commuter): 10,000 Wh`, -300, -57, -357],
  ['SESSION', `Session ${s[1]}, 2026-03-03, 10 kWh`, 400, 76, 476],
  ['INCLUDED_ENERGY', `Session ${s[1]}: Included energy (Commuter): 5,000 Wh`, -150, -29, -179],
  ['SESSION', `Session ${s[2]}, 2026-03-04, 10 kWh`, 400, 76, 476],
];
let march: Invoice;
let marchId: string;

describe('included energy on monthly invoices', () => {
  it('takes the allowance at each stop like a session invoice, once: 15,000 Wh in all, the wallet debited the net of it', async () => {
    expect(await used()).toBe(15_000);
    expect(await getWalletBalance(t.db, walletId)).toBe(5000 - 119 - 297 - 476);
    const issued = await issueMonthlyInvoices(t.db, new Date('2026-04-01T00:10:00Z'));
    expect(issued).toHaveLength(1);
    march = issued[0]!;
    expect(march).toMatchObject({ kind: 'monthly', customerName: 'Mia', customerEmail: 'mia@example.com', net: 750, vat: 142, gross: 892 });
    expect(await lines(march!)).toEqual(marchLines());
    const pdf = pdfText((await getInvoicePdf(t.db, march.id)).pdf);
    for (const part of [`Session ${s[0]}: Included energy (Commuter): 10,000 Wh`, `Session ${s[1]}: Included energy (Commuter): 5,000 Wh`, '€8.92']) expect(pdf).toContain(part);
    expect((await getInvoicePaidAmounts(t.db, [march!.id])).get(march!.id)).toBe(892);
  });
});

describe('included energy on monthly invoices, concurrently', () => {
  it('two sessions stopping at once take April’s allowance in turn (the subscription’s row lock): 15,000 Wh, never 20,000', async () => {
    const april = new Date('2026-04-01T00:00:00Z');
    const sessions = [];
    for (const connectorId of [4, 5]) {
      const startedAt = new Date('2026-04-10T08:00:00Z');
      const { transaction } = await startTransaction(t.db, { stationId: 'MC-1', request: { connectorId, idTag: 'MIA', meterStart: 0, timestamp: startedAt.toISOString() }, now: startedAt });
      await addEnergyReadings(t.db, transaction, [[new Date('2026-04-10T08:30:00Z'), 10_000]]);
      sessions.push(await stopSession(t.db, transaction, new Date('2026-04-10T08:30:00Z'), 10_000));
    }
    const settled = await Promise.all(sessions.map((session) => settleStoppedTransaction(t.db, session.id, new Date('2026-04-10T08:31:00Z'))));
    expect(settled.map((settlement) => ('reason' in settlement ? settlement.reason : settlement.invoice.number))).toEqual(['invoiced monthly (Mia)', 'invoiced monthly (Mia)']);
    expect(await sumIncludedEnergyUsed(t.db, { subscriptionId, periodStart: april })).toBe(15_000);
    const debits = settled.map((settlement) => (settlement.wallet?.debited ? -settlement.wallet.entry.amount : null));
    expect(debits.sort()).toEqual([119, 297]);
  });
});

describe('a credit note on a monthly invoice', () => {
  it('releases its sessions: the next run of the monthly job issues the corrected invoice, with the allowance not taken again', async () => {
    await updateDriverRow(t.db, march.driverId!, { email: 'mia@work.example.com' }, new Date('2026-04-02T08:55:00Z'));
    const creditNote = await issueCreditNote(t.db, systemActor, march.id, 'Wrong billing address', new Date('2026-04-02T09:00:00Z'));
    expect(creditNote).toMatchObject({ kind: 'credit_note', gross: -892, periodStart: PERIOD_START });
    const released = (await t.db.execute(sql`select count(*)::int as n from monthly_billed_sessions where invoice_id is null and stopped_at < ${'2026-04-01T00:00:00Z'}::timestamptz`)) as unknown as { n: number }[];
    expect(released[0]!.n).toBe(3);
    const [audit] = (await t.db.execute(sql`select after from audit_log where action = 'invoice.credit'`)) as unknown as { after: { releasedSessions: number[] } }[];
    expect(audit!.after.releasedSessions).toEqual(s);
    // The sessions' wallet debits stay with them and pay the corrected invoice: no refund, no second debit.
    expect(await getWalletBalance(t.db, walletId)).toBe(4108 - 416);
    const [corrected] = await issueMonthlyInvoices(t.db, new Date('2026-04-02T09:10:00Z'));
    expect(corrected).toMatchObject({ number: 'INV-2026-000002', gross: 892, periodStart: PERIOD_START, customerName: 'Mia', customerEmail: 'mia@work.example.com' });
    expect(await lines(corrected!)).toEqual(marchLines());
    expect(await used()).toBe(15_000);
    expect((await getInvoicePaidAmounts(t.db, [corrected!.id, march.id])).get(corrected!.id)).toBe(892);
    expect(await issueMonthlyInvoices(t.db, new Date('2026-04-02T09:20:00Z'))).toEqual([]);
    march = corrected!;
  });
});

describe('a restatement after the monthly invoice (late StopTransaction)', () => {
  it('changes nothing when the price is the same', async () => {
    expect(await resettleRestatedTransaction(t.db, s[0]!, new Date('2026-04-03T09:00:00Z'))).toMatchObject({ creditNote: null, settlement: { reason: 'already on a monthly invoice (Mia)' } });
  });

  it('credits the invoice and issues it again at once with the new price; the wallet pays the difference; the allowance is taken once', async () => {
    // S1 was closed at 10 kWh; the station now says 12 kWh. 15,000 − S2's 5,000 leaves S1 10,000 Wh:
    // energy 360 + 68 (68.4), fee 100 + 19, included −300 −57 → net 160, VAT 30, gross 190 (was 119).
    await restateTransactionStop(t.db, { id: s[0]!, stoppedAt: new Date('2026-03-02T09:40:00Z'), meterStop: 12_000, stopReason: 'Local', stopIdTag: null, note: 'late stop' });
    const restated = await resettleRestatedTransaction(t.db, s[0]!, new Date('2026-04-05T09:00:00Z'));
    expect(restated.creditNote).toMatchObject({ number: 'CN-2026-000002', gross: -892 });
    const settlement = restated.settlement as { monthlyInvoice?: Invoice; reason: string };
    expect(settlement.monthlyInvoice).toMatchObject({ number: 'INV-2026-000003', net: 810, vat: 153, gross: 963, periodStart: PERIOD_START });
    expect(settlement.reason).toBe('restated on monthly invoice INV-2026-000003 (CN-2026-000002 credits the one before)');
    expect(await lines(settlement.monthlyInvoice!)).toEqual(marchLines([460, 87, 547]));
    expect(await getWalletBalance(t.db, walletId)).toBe(4108 - 416 - 71);
    expect((await getInvoicePaidAmounts(t.db, [settlement.monthlyInvoice!.id])).get(settlement.monthlyInvoice!.id)).toBe(963);
    expect(await used()).toBe(15_000);
    // Settled again: nothing more.
    expect((await resettleRestatedTransaction(t.db, s[0]!, new Date('2026-04-05T09:05:00Z'))).creditNote).toBeNull();
    expect(await issueMonthlyInvoices(t.db, new Date('2026-04-05T09:10:00Z'))).toEqual([]);
    expect(await getWalletBalance(t.db, walletId)).toBe(3621);
    march = settlement.monthlyInvoice!;
  });
});

describe('the admin’s way to issue now (REST)', () => {
  it('credits through the API, then issues what is due at once instead of waiting for the scheduler, audited as the caller', async () => {
    const credited = await api.call(creditNoteRoute.POST, { role: 'admin', params: { id: march.id }, body: { reason: 'Customer asked for a new copy' } });
    expect(credited.status).toBe(201);
    expect((await api.call(monthlyRunRoute.POST, { role: 'operator', body: {} })).status).toBe(403);
    const run = await api.call(monthlyRunRoute.POST, { role: 'admin', body: {} });
    expect(run.status).toBe(200);
    // Now (after April 2026) both March (released by the credit note) and April (never invoiced) are due.
    const data = run.body.data as { id: string; number: string; periodStart: string; gross: number; issuedBy: string }[];
    expect(data.map((invoice) => [invoice.periodStart.slice(0, 7), invoice.gross])).toEqual([['2026-03', 963], ['2026-04', 416]]);
    expect(data[0]!.issuedBy).toBe('token:test-admin');
    expect((await api.call(monthlyRunRoute.POST, { role: 'admin', body: {} })).body.data).toEqual([]);
    marchId = data.find((invoice) => invoice.periodStart.startsWith('2026-03'))!.id;
  });

  it('a restatement of a session on an invoice credited before credit notes released sessions: released now, issued again', async () => {
    await issueCreditNote(t.db, systemActor, marchId, 'Credited the old way', new Date('2026-11-27T10:00:00Z'));
    await t.db.execute(sql`update monthly_billed_sessions set invoice_id = ${marchId} where transaction_id in ${s}`); // as main left them
    // S2 now 12 kWh: 15,000 − S1's 10,000 leaves it 5,000 Wh: 360 + 68, 100 + 19, −150 −29 → gross 368 (was 297).
    await restateTransactionStop(t.db, { id: s[1]!, stoppedAt: new Date('2026-03-03T09:40:00Z'), meterStop: 12_000, stopReason: 'Local', stopIdTag: null, note: 'late stop' });
    const restated = await resettleRestatedTransaction(t.db, s[1]!, new Date('2026-11-27T10:05:00Z'));
    expect(restated.creditNote).toMatchObject({ creditsInvoiceId: marchId });
    expect((restated.settlement as { monthlyInvoice?: Invoice }).monthlyInvoice).toMatchObject({ gross: 190 + 368 + 476, periodStart: PERIOD_START });
  });
});
