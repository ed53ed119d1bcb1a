import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { addEnergyReadings, addStations, energyAndParking, stopSession } from '../billing/fixtures';
import { systemActor } from '@/lib/auth/roles';
import { settleStoppedTransaction } from '@/lib/billing/settle-transaction';
import { getTransactionWithBilling } from '@/lib/billing/transaction-billing';
import { insertDriver } from '@/lib/db/queries/drivers';
import { upsertIdTag } from '@/lib/db/queries/id-tags';
import { getDriverReceipt, listDriverSessions } from '@/lib/driver-portal/driver-history';
import { exportDriverData } from '@/lib/driver-portal/driver-privacy';
import { getDriverById } from '@/lib/db/queries/drivers';
import { issueCreditNote } from '@/lib/invoices/issue-credit-note';
import { issueMonthlyInvoices } from '@/lib/statements/issue-monthly-invoices';
import { setInvoicingMode } from '@/lib/statements/invoicing-mode';
import { createPlan, subscribeDriver } from '@/lib/subscriptions/manage-subscriptions';
import { createTariff } from '@/lib/tariffs/create-tariff';
import { startTransaction } from '@/lib/transactions/start-transaction';
import { createWallet, topUpWallet } from '@/lib/wallets/wallet-ledger';

/**
 * The portal's session list shows each session's receipt amount, not the tariff's gross.
 * €0.30/kWh + €1 per session, 19 % VAT; plan "Saver": 5 kWh included per month and 10 % off. By hand:
 *  - tariff price of a 10 kWh session: fee 100 + 19, energy 300 + 57 → net 400, VAT 76, gross 476;
 *  - the month's first 10 kWh session of a subscriber: included 5 kWh −150 −29 (28.5), discount 10 % of
 *    250 = −25 −5 (4.75) → net 225, VAT 42, gross 267;
 *  - the next one (nothing included left): discount 10 % of 400 = −40 −8 (7.6) → net 360, VAT 68, gross 428.
 * Ada is invoiced monthly, Bo per session; both subscribe to Saver from March.
 */
let t: TestDatabase;
let ada: string;
let bo: string;
const NOW = new Date('2026-03-05T09:20:00Z');

beforeAll(async () => {
  t = await createTestDatabase();
  await addStations(t.db, 'LIST-1');
  await createTariff(t.db, systemActor, { name: 'Default', isDefault: true, tariff: energyAndParking }, new Date('2026-01-01T00:00:00Z'));
  const plan = await createPlan(t.db, systemActor, { name: 'Saver', currency: 'EUR', monthlyFee: 999, vatPercent: 19, includedWh: 5_000, discountPercent: 10 });
  ada = (await insertDriver(t.db, { name: 'Ada', email: 'ada@example.com' }, new Date())).id;
  bo = (await insertDriver(t.db, { name: 'Bo', email: 'bo@example.com' }, new Date())).id;
  await upsertIdTag(t.db, { idTag: 'ADA', driverId: ada, maxConcurrentTx: null });
  await upsertIdTag(t.db, { idTag: 'BO', driverId: bo, maxConcurrentTx: null });
  for (const driverId of [ada, bo]) await subscribeDriver(t.db, systemActor, { driverId, planId: plan.id, startsAt: new Date('2026-03-01T00:00:00Z') });
  const walletId = (await createWallet(t.db, systemActor, { driverId: ada, currency: 'EUR' })).id;
  await topUpWallet(t.db, systemActor, walletId, { amount: 5000 }, new Date('2026-02-20T10:00:00Z'));
  await setInvoicingMode(t.db, systemActor, { driverId: ada, subject: 'driver', mode: 'monthly' });
});
afterAll(async () => {
  await t?.drop();
});

/** A 10 kWh session of 30 minutes on `day`; stopped and, if `settle`, priced and billed as at the stop. */
async function session(idTag: string, connectorId: number, day: string, until: 'running' | 'stopped' | 'settled') {
  const startedAt = new Date(`${day}T09:00:00Z`);
  const stoppedAt = new Date(`${day}T09:30:00Z`);
  const { transaction } = await startTransaction(t.db, { stationId: 'LIST-1', request: { connectorId, idTag, meterStart: 0, timestamp: startedAt.toISOString() }, now: startedAt });
  if (until === 'running') {
    await addEnergyReadings(t.db, transaction, [[new Date(`${day}T09:10:00Z`), 2_000]]);
    return transaction.id;
  }
  await addEnergyReadings(t.db, transaction, [[stoppedAt, 10_000]]);
  await stopSession(t.db, transaction, stoppedAt, 10_000);
  if (until === 'settled') await settleStoppedTransaction(t.db, transaction.id, new Date(`${day}T09:31:00Z`));
  return transaction.id;
}

const totals = async (driverId: string) => (await listDriverSessions(t.db, driverId, NOW)).map((s) => [s.id, s.total?.basis, s.total?.gross]);

/** Every listed session's total is the one GET /api/v1/transactions/{id} gives, and the receipt's. */
async function expectSameAsReceipts(driverId: string) {
  for (const row of await listDriverSessions(t.db, driverId, NOW)) {
    const billed = await getTransactionWithBilling(t.db, row.id, { now: NOW });
    expect(row.total).toEqual(billed!.total);
    const receipt = (await getDriverReceipt(t.db, driverId, row.id, NOW))!;
    expect((receipt.monthly ?? receipt.invoiced ?? receipt.cost)!.gross).toBe(row.total!.gross);
  }
}

describe("the driver's session list shows what each receipt shows", () => {
  it('monthly: the stored price with the included energy (pending, then on the monthly invoice); stopped unbilled: the tariff; running: the estimate', async () => {
    const first = await session('ADA', 1, '2026-03-02', 'settled');
    const second = await session('ADA', 1, '2026-03-03', 'settled');
    const unbilled = await session('ADA', 1, '2026-03-04', 'stopped');
    const running = await session('ADA', 2, '2026-03-05', 'running');

    const list = await listDriverSessions(t.db, ada, NOW);
    expect(list.map((s) => s.id)).toEqual([running, unbilled, second, first]);
    const estimate = list[0]!;
    expect(estimate.total).toEqual({ basis: 'estimate', currency: 'EUR', net: estimate.cost!.net, vat: estimate.cost!.vat, gross: estimate.cost!.gross });
    expect(await totals(ada)).toEqual([
      [running, 'estimate', estimate.cost!.gross],
      [unbilled, 'tariff', 476],
      [second, 'monthly_pending', 428],
      [first, 'monthly_pending', 267],
    ]);
    expect(list[3]!.total).toEqual({ basis: 'monthly_pending', currency: 'EUR', net: 225, vat: 42, gross: 267 });
    expect(list[3]!.cost!.gross).toBe(476); // the tariff's gross stays beside it, not shown as the amount
    await expectSameAsReceipts(ada);

    // "Export my data" carries the same amounts.
    const exported = await exportDriverData(t.db, (await getDriverById(t.db, ada))!, NOW);
    expect(exported.sessions.map((s) => [s.id, s.total?.basis, s.total?.gross])).toEqual(await totals(ada));

    await issueMonthlyInvoices(t.db, new Date('2026-04-01T00:10:00Z'));
    expect((await totals(ada)).slice(1)).toEqual([
      [unbilled, 'tariff', 476],
      [second, 'monthly_invoice', 428],
      [first, 'monthly_invoice', 267],
    ]);
    await expectSameAsReceipts(ada);
  });

  it('per session: the invoice with the included energy; after a credit note without a new invoice, the tariff again (list and receipt alike)', async () => {
    const invoiced = await session('BO', 3, '2026-03-02', 'settled');
    expect(await totals(bo)).toEqual([[invoiced, 'invoice', 267]]);
    expect((await listDriverSessions(t.db, bo, NOW))[0]!.total).toEqual({ basis: 'invoice', currency: 'EUR', net: 225, vat: 42, gross: 267 });
    await expectSameAsReceipts(bo);

    const invoiceId = (await getTransactionWithBilling(t.db, invoiced))!.invoice!.id;
    await issueCreditNote(t.db, systemActor, invoiceId, 'Charged in error', new Date('2026-03-06T10:00:00Z'));
    expect(await totals(bo)).toEqual([[invoiced, 'tariff', 476]]);
    await expectSameAsReceipts(bo);
    expect((await getDriverReceipt(t.db, bo, invoiced, NOW))!.invoiced).toBeNull();
  });
});
