import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { routeClient } from '../sites/route-client';
import * as creditNoteRoute from '@/app/api/v1/invoices/[id]/credit-note/route';
import * as transactionRoute from '@/app/api/v1/transactions/[id]/route';
import { addEnergyReadings, addStations, energyAndParking, stopSession } from '../billing/fixtures';
import { getTransactionOperation } from '@/lib/api/contracts/transactions';
import { systemActor } from '@/lib/auth/roles';
import { settleStoppedTransaction } from '@/lib/billing/settle-transaction';
import { insertDriver } from '@/lib/db/queries/drivers';
import { upsertIdTag } from '@/lib/db/queries/id-tags';
import { listInvoiceLines } from '@/lib/db/queries/invoices';
import type { Invoice } from '@/lib/db/schema';
import { getDriverReceipt } from '@/lib/driver-portal/driver-history';
import { issueMonthlyInvoices } from '@/lib/statements/issue-monthly-invoices';
import { setInvoicingMode } from '@/lib/statements/invoicing-mode';
import { createPlan, subscribeDriver } from '@/lib/subscriptions/manage-subscriptions';
import { createTariff } from '@/lib/tariffs/create-tariff';
import { startTransaction } from '@/lib/transactions/start-transaction';
import { createWallet, topUpWallet } from '@/lib/wallets/wallet-ledger';

/**
 * €0.30/kWh + €1 per session, 19 % VAT; plan "Saver": 5 kWh included per month and 10 % off. Ada is
 * invoiced monthly. Two sessions of 10 kWh in March, by hand:
 *  S1: fee 100 + 19, energy 300 + 57, included 5,000 Wh −150 −29 (28.5), discount 10 % of 250 = −25 −5 (4.75)
 *      → net 225, VAT 42, gross 267; on the monthly invoice: SESSION 375 + 71 = 446 and INCLUDED_ENERGY −179
 *  S2: nothing included left: fee 100 + 19, energy 300 + 57, discount 10 % of 400 = −40 −8 (7.6)
 *      → net 360, VAT 68, gross 428; on the monthly invoice: SESSION 428
 * The tariff price of each (what the API showed before): net 400, VAT 76, gross 476.
 */
let t: TestDatabase;
let api: Awaited<ReturnType<typeof routeClient>>;
let driverId: string;
const s: number[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  api = await routeClient(t); // first: it points the process-wide client (and env) at this database
  await addStations(t.db, 'MSC-1');
  await createTariff(t.db, systemActor, { name: 'Default', isDefault: true, tariff: energyAndParking }, new Date('2026-01-01T00:00:00Z'));
  const plan = await createPlan(t.db, systemActor, { name: 'Saver', currency: 'EUR', monthlyFee: 999, vatPercent: 19, includedWh: 5_000, discountPercent: 10 });
  driverId = (await insertDriver(t.db, { name: 'Ada', email: 'ada@example.com' }, new Date())).id;
  await upsertIdTag(t.db, { idTag: 'ADA', driverId, maxConcurrentTx: null });
  await subscribeDriver(t.db, systemActor, { driverId, planId: plan.id, startsAt: new Date('2026-03-01T00:00:00Z') });
  const walletId = (await createWallet(t.db, systemActor, { driverId, currency: 'EUR' })).id;
  await topUpWallet(t.db, systemActor, walletId, { amount: 5000 }, new Date('2026-02-20T10:00:00Z'));
  await setInvoicingMode(t.db, systemActor, { driverId, subject: 'driver', mode: 'monthly' });
});
afterAll(async () => {
  await api?.close();
  await t?.drop();
});

type Line = { component: string; description: string; net: number; vat: number; gross: number };
type Body = {
  total: { basis: string; currency: string; net: number; vat: number; gross: number } | null;
  invoice: unknown;
  cost: { isFinal: boolean; net: number; vat: number; gross: number };
  monthly: { status: string; accountName: string; month: string; invoice: { id: string; number: string } | null; lines: Line[]; invoiceLines: Line[]; net: number; vat: number; gross: number } | null;
};

const get = async (id: number): Promise<Body> => {
  const response = await api.call(transactionRoute.GET, { role: 'viewer', params: { id: String(id) } });
  expect(response.status).toBe(200);
  getTransactionOperation.response!.parse(response.body); // the OpenAPI contract describes what is sent
  return response.body as Body;
};
const amounts = (lines: Line[]) => lines.map((line) => [line.component, line.description, line.net, line.vat, line.gross]);

async function chargeAndStop(connectorId: number, day: string) {
  const startedAt = new Date(`${day}T09:00:00Z`);
  const stoppedAt = new Date(`${day}T09:30:00Z`);
  const { transaction } = await startTransaction(t.db, { stationId: 'MSC-1', request: { connectorId, idTag: 'ADA', meterStart: 0, timestamp: startedAt.toISOString() }, now: startedAt });
  await addEnergyReadings(t.db, transaction, [[stoppedAt, 10_000]]);
  return { transaction, stoppedAt };
}

describe('GET /api/v1/transactions/{id} for a session invoiced monthly: the stored price, then its monthly invoice', () => {
  it('running: the estimate; settled: monthly_pending at the stored price with the included energy; issued: monthly_invoice with the number and the invoice lines', async () => {
    const first = await chargeAndStop(1, '2026-03-02');
    const running = await get(first.transaction.id);
    expect(running.monthly).toBeNull();
    expect(running.total?.basis).toBe('estimate');

    await stopSession(t.db, first.transaction, first.stoppedAt, 10_000);
    await settleStoppedTransaction(t.db, first.transaction.id, new Date('2026-03-02T09:31:00Z'));
    s.push(first.transaction.id);
    const second = await chargeAndStop(2, '2026-03-03');
    await stopSession(t.db, second.transaction, second.stoppedAt, 10_000);
    await settleStoppedTransaction(t.db, second.transaction.id, new Date('2026-03-03T09:31:00Z'));
    s.push(second.transaction.id);

    const pending = await get(s[0]!);
    expect(pending.invoice).toBeNull();
    expect(pending.total).toEqual({ basis: 'monthly_pending', currency: 'EUR', net: 225, vat: 42, gross: 267 });
    expect(pending.cost).toMatchObject({ isFinal: true, net: 400, vat: 76, gross: 476 }); // the tariff's breakdown stays, for explaining
    expect(pending.monthly).toMatchObject({ status: 'pending', accountName: 'Ada', month: '2026-03', invoice: null, net: 225, vat: 42, gross: 267 });
    expect(pending.monthly!.lines).toEqual([
      expect.objectContaining({ component: 'FLAT', net: 100, vat: 19, gross: 119 }),
      expect.objectContaining({ component: 'ENERGY', net: 300, vat: 57, gross: 357 }),
      expect.objectContaining({ component: 'INCLUDED_ENERGY', description: 'Included energy (Saver): 5,000 Wh', net: -150, vat: -29, gross: -179 }),
      expect.objectContaining({ component: 'DISCOUNT', description: 'Saver: 10% discount', net: -25, vat: -5, gross: -30 }),
    ]);
    expect(amounts(pending.monthly!.invoiceLines)).toEqual([
      ['SESSION', `Session ${s[0]}, 2026-03-02, 10 kWh`, 375, 71, 446],
      ['INCLUDED_ENERGY', `Session ${s[0]}: Included energy (Saver): 5,000 Wh`, -150, -29, -179],
    ]);
    const noneLeft = await get(s[1]!);
    expect(noneLeft.total).toEqual({ basis: 'monthly_pending', currency: 'EUR', net: 360, vat: 68, gross: 428 });
    expect(noneLeft.monthly!.lines.map((line) => line.component)).toEqual(['FLAT', 'ENERGY', 'DISCOUNT']);
    expect(amounts(noneLeft.monthly!.invoiceLines)).toEqual([['SESSION', `Session ${s[1]}, 2026-03-03, 10 kWh`, 360, 68, 428]]);

    const [march] = await issueMonthlyInvoices(t.db, new Date('2026-04-01T00:10:00Z'));
    expect(march).toMatchObject({ net: 585, vat: 110, gross: 695 });
    const invoiced = await get(s[0]!);
    expect(invoiced.total).toEqual({ basis: 'monthly_invoice', currency: 'EUR', net: 225, vat: 42, gross: 267 });
    expect(invoiced.monthly).toMatchObject({ status: 'invoiced', invoice: { id: march!.id, number: march!.number } });
    // The session's lines on the API are the ones on the issued invoice, to the cent.
    const issued = (await listInvoiceLines(t.db, march!.id)).map((line) => [line.component, line.description, line.net, line.vat, line.gross]);
    expect(issued).toEqual([...amounts(invoiced.monthly!.invoiceLines), ...amounts((await get(s[1]!)).monthly!.invoiceLines)]);
    expect((await get(s[1]!)).total).toMatchObject({ basis: 'monthly_invoice', gross: 428 });
  });

  it('a credit note on the monthly invoice puts the session back to monthly_pending at the same price, until the next invoice', async () => {
    const before = (await get(s[0]!)).monthly!.invoice!;
    const credited = await api.call(creditNoteRoute.POST, { role: 'admin', params: { id: before.id }, body: { reason: 'New copy' } });
    expect(credited.status).toBe(201);
    const released = await get(s[0]!);
    expect(released.total).toEqual({ basis: 'monthly_pending', currency: 'EUR', net: 225, vat: 42, gross: 267 });
    expect(released.monthly).toMatchObject({ status: 'pending', invoice: null });
    const [again] = (await issueMonthlyInvoices(t.db, new Date('2026-04-01T01:00:00Z'))) as [Invoice];
    const reissued = await get(s[0]!);
    expect(again.number).not.toBe(before.number);
    expect(reissued.monthly).toMatchObject({ status: 'invoiced', invoice: { id: again.id, number: again.number }, gross: 267 });
  });

  it("the driver's receipt shows the stored lines with the included energy, the invoice's number and its total", async () => {
    const receipt = (await getDriverReceipt(t.db, driverId, s[0]!))!;
    const number = (await get(s[0]!)).monthly!.invoice!.number;
    expect(receipt.monthly).toMatchObject({ invoiceNumber: number, month: '2026-03', vat: 42, gross: 267 });
    expect(receipt.monthly!.lines).toContainEqual({ component: 'INCLUDED_ENERGY', description: 'Included energy (Saver): 5,000 Wh', gross: -179 });
    expect(receipt.cost).toMatchObject({ gross: 476 });
  });
});
