import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { addEnergyReadings, addStations } from '../billing/fixtures';
import { pdfText } from '../invoices/pdf-text';
import { systemActor } from '@/lib/auth/roles';
import { resettleRestatedTransaction, settleStoppedTransaction } from '@/lib/billing/settle-transaction';
import { insertDriver } from '@/lib/db/queries/drivers';
import { upsertIdTag } from '@/lib/db/queries/id-tags';
import { getSessionInvoice, listInvoiceLines } from '@/lib/db/queries/invoices';
import { restateTransactionStop, stopTransactionRow } from '@/lib/db/queries/transactions';
import { getWalletBalance } from '@/lib/db/queries/wallets';
import { getInvoicePaidAmounts } from '@/lib/db/queries/payments';
import { getInvoicePdf } from '@/lib/invoices/invoice-view';
import { issueMonthlyInvoices } from '@/lib/statements/issue-monthly-invoices';
import { setInvoicingMode } from '@/lib/statements/invoicing-mode';
import { parseMonth } from '@/lib/statements/monthly-invoice-lines';
import { getWalletStatement, renderWalletStatementPdf, walletStatementCsv } from '@/lib/statements/wallet-statement';
import { createTariff } from '@/lib/tariffs/create-tariff';
import { startTransaction } from '@/lib/transactions/start-transaction';
import { createWallet, topUpWallet } from '@/lib/wallets/wallet-ledger';

let t: TestDatabase;
let walletId: string;
const ids: Record<string, number> = {};

/**
 * €0.25/kWh and €0.50 per session, 19 % VAT per line (half-up on each line's net). By hand:
 *  A1 10 kWh: 250 + 48 (47.5) ; 50 + 10 (9.5) → net 300, VAT 58, gross 358   (Alice, 2026-03-10)
 *  A2  4 kWh: 100 + 19        ; 50 + 10       → net 150, VAT 29, gross 179   (Alice, 2026-03-31 23:30Z)
 *  A3  2 kWh:  50 + 10 (9.5)  ; 50 + 10       → net 100, VAT 20, gross 120   (Alice, 2026-04-01 00:30Z: April)
 *  B1  8 kWh: 200 + 38        ; 50 + 10       → net 250, VAT 48, gross 298   (Bob, Acme, 2026-03-15)
 *  C1  7 kWh: 175 + 33 (33.25); 50 + 10       → net 225, VAT 43, gross 268   (Carol, ACME, 2026-03-20)
 *  D1  1 kWh:  25 +  5 (4.75) ; 50 + 10       → net  75, VAT 15, gross  90   (Dave, Acme, but per session himself)
 * Alice monthly (her own setting) with a wallet of €10.00; Acme monthly (company setting).
 */
beforeAll(async () => {
  t = await createTestDatabase();
  await addStations(t.db, 'M-1');
  const tariff = { currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY' as const, price: 0.25, vat: 19, step_size: 1 }, { type: 'FLAT' as const, price: 0.5, vat: 19, step_size: 1 }] }] };
  await createTariff(t.db, systemActor, { name: 'Default', isDefault: true, tariff }, new Date('2026-01-01T00:00:00Z'));
  const people = { ALICE: { name: 'Alice', email: 'alice@example.com' }, BOB: { name: 'Bob', company: 'Acme' }, CAROL: { name: 'Carol', company: 'ACME ' }, DAVE: { name: 'Dave', company: 'acme' } };
  const driverIds: Record<string, string> = {};
  for (const [tag, fields] of Object.entries(people)) {
    driverIds[tag] = (await insertDriver(t.db, fields, new Date())).id;
    await upsertIdTag(t.db, { idTag: tag, driverId: driverIds[tag]!, maxConcurrentTx: null });
  }
  walletId = (await createWallet(t.db, systemActor, { driverId: driverIds.ALICE!, currency: 'EUR' })).id;
  await topUpWallet(t.db, systemActor, walletId, { amount: 1000 }, new Date('2026-02-20T10:00:00Z'));
  await setInvoicingMode(t.db, systemActor, { driverId: driverIds.ALICE!, subject: 'driver', mode: 'monthly' });
  await setInvoicingMode(t.db, systemActor, { driverId: driverIds.BOB!, subject: 'company', mode: 'monthly' });
  await setInvoicingMode(t.db, systemActor, { driverId: driverIds.DAVE!, subject: 'driver', mode: 'per_session' });
  const sessions: [string, string, string, number][] = [
    ['A1', 'ALICE', '2026-03-10T09:00:00Z', 10_000],
    ['A2', 'ALICE', '2026-03-31T22:30:00Z', 4000],
    ['A3', 'ALICE', '2026-03-31T23:45:00Z', 2000],
    ['B1', 'BOB', '2026-03-15T09:00:00Z', 8000],
    ['C1', 'CAROL', '2026-03-20T09:00:00Z', 7000],
    ['D1', 'DAVE', '2026-03-21T09:00:00Z', 1000],
  ];
  let connector = 0;
  for (const [name, idTag, startedAt, wh] of sessions) {
    connector += 1;
    const start = new Date(startedAt);
    const stop = new Date(start.getTime() + (name === 'A3' ? 45 : 60) * 60_000);
    const { transaction } = await startTransaction(t.db, { stationId: 'M-1', request: { connectorId: connector, idTag, meterStart: 0, timestamp: startedAt }, now: start });
    await addEnergyReadings(t.db, transaction, [[stop, wh]]);
    await stopTransactionRow(t.db, { id: transaction.id, stoppedAt: stop, meterStop: wh, stopReason: 'Local' });
    await settleStoppedTransaction(t.db, transaction.id, new Date(stop.getTime() + 60_000));
    ids[name] = transaction.id;
  }
});
afterAll(() => t?.drop());

const invoiceRows = async () =>
  ((await t.db.execute(sql`select id, number, kind, customer_name, net, vat, gross, period_start from invoices order by number`)) as unknown as { id: string; number: string; kind: string; customer_name: string; net: number; vat: number; gross: number; period_start: Date | null }[]).map(
    (row) => ({ ...row, period_start: row.period_start ? new Date(row.period_start).toISOString().slice(0, 7) : null }),
  );

describe('monthly invoicing', () => {
  it('at the stop: a per-session driver is invoiced as always; monthly ones get no invoice but their wallet debit', async () => {
    expect(await invoiceRows()).toMatchObject([{ number: 'INV-2026-000001', kind: 'session', customer_name: 'Dave', gross: 90 }]);
    for (const name of ['A1', 'A2', 'A3', 'B1', 'C1']) expect(await getSessionInvoice(t.db, ids[name]!)).toBeUndefined();
    expect(await getWalletBalance(t.db, walletId)).toBe(1000 - 358 - 179 - 120);
    await settleStoppedTransaction(t.db, ids.A1!, new Date('2026-03-10T12:00:00Z')); // settling again changes nothing
    expect(await getWalletBalance(t.db, walletId)).toBe(343);
  });

  it('issues one invoice per account for a month that has ended, one line per session, totals exactly the sums', async () => {
    const issued = await issueMonthlyInvoices(t.db, new Date('2026-04-01T06:00:00Z'));
    expect(issued.map((invoice) => [invoice.number, invoice.customerName, invoice.net, invoice.vat, invoice.gross])).toEqual([
      ['INV-2026-000002', 'Acme', 475, 91, 566],
      ['INV-2026-000003', 'Alice', 450, 87, 537],
    ]);
    const [acme, alice] = issued;
    expect(acme).toMatchObject({ kind: 'monthly', driverId: null, periodStart: new Date('2026-03-01T00:00:00Z'), periodEnd: new Date('2026-04-01T00:00:00Z') });
    expect((await listInvoiceLines(t.db, acme!.id)).map((line) => [line.description, line.net, line.vatRate, line.vat, line.gross])).toEqual([
      [`Session ${ids.B1}, 2026-03-15, 8 kWh`, 250, 19, 48, 298],
      [`Session ${ids.C1}, 2026-03-20, 7 kWh`, 225, 19, 43, 268],
    ]);
    // A2 stopped at 23:30 on 31 March: March. A3 stopped at 00:30 on 1 April: not on March's invoice.
    expect((await listInvoiceLines(t.db, alice!.id)).map((line) => [line.description, line.gross])).toEqual([
      [`Session ${ids.A1}, 2026-03-10, 10 kWh`, 358],
      [`Session ${ids.A2}, 2026-03-31, 4 kWh`, 179],
    ]);
    expect(alice).toMatchObject({ customerEmail: 'alice@example.com' });
    const text = pdfText((await getInvoicePdf(t.db, alice!.id)).pdf);
    expect(text).toContain(`Session ${ids.A1}, 2026-03-10, 10 kWh`);
    expect(text).toContain('€5.37');
    // Alice's wallet paid both sessions at their stops: her monthly invoice is paid; Acme's (no wallet) is not.
    const paid = await getInvoicePaidAmounts(t.db, [alice!.id, acme!.id]);
    expect(paid.get(alice!.id)).toBe(537);
    expect(paid.get(acme!.id)).toBeUndefined();
  });

  it('running the job again, or again later in April, invoices nothing twice; May invoices April', async () => {
    expect(await issueMonthlyInvoices(t.db, new Date('2026-04-01T06:00:00Z'))).toEqual([]);
    expect(await issueMonthlyInvoices(t.db, new Date('2026-04-30T23:59:59Z'))).toEqual([]);
    const [april, ...rest] = await Promise.all([issueMonthlyInvoices(t.db, new Date('2026-05-01T00:10:00Z')), issueMonthlyInvoices(t.db, new Date('2026-05-01T00:10:00Z'))]).then((runs) => runs.flat());
    expect(rest).toEqual([]);
    expect(april).toMatchObject({ number: 'INV-2026-000004', customerName: 'Alice', gross: 120, periodStart: new Date('2026-04-01T00:00:00Z') });
    const rows = await invoiceRows();
    expect(rows.map((row) => row.number)).toEqual(['INV-2026-000001', 'INV-2026-000002', 'INV-2026-000003', 'INV-2026-000004']);
    const onInvoices = (await t.db.execute(sql`select count(*)::int as n, count(distinct transaction_id)::int as d from monthly_billed_sessions where invoice_id is not null`)) as unknown as { n: number; d: number }[];
    expect(onInvoices[0]).toEqual({ n: 5, d: 5 });
  });
});

describe('a monthly session restated before its invoice (late StopTransaction after reconciliation)', () => {
  it('takes the new price on the monthly invoice, and the wallet pays the difference as an adjustment', async () => {
    // Reconciled at 4 kWh (€1.79 debited), the station then says 8 kWh (€2.98): €1.19 more.
    const start = new Date('2026-06-10T09:00:00Z');
    const { transaction } = await startTransaction(t.db, { stationId: 'M-1', request: { connectorId: 9, idTag: 'ALICE', meterStart: 0, timestamp: start.toISOString() }, now: start });
    await stopTransactionRow(t.db, { id: transaction.id, stoppedAt: new Date('2026-06-10T10:00:00Z'), meterStop: 4000, stopReason: 'Other' });
    await settleStoppedTransaction(t.db, transaction.id, new Date('2026-06-10T10:05:00Z'));
    expect(await getWalletBalance(t.db, walletId)).toBe(343 - 179);
    await restateTransactionStop(t.db, { id: transaction.id, stoppedAt: new Date('2026-06-10T10:30:00Z'), meterStop: 8000, stopReason: 'Local', stopIdTag: null, note: 'late stop' });
    const restated = await resettleRestatedTransaction(t.db, transaction.id, new Date('2026-06-10T11:00:00Z'));
    expect(restated).toMatchObject({ creditNote: null, settlement: { invoice: null, wallet: { reason: 'restated: adjusted' } } });
    expect(await getWalletBalance(t.db, walletId)).toBe(343 - 298);
    expect((await resettleRestatedTransaction(t.db, transaction.id, new Date('2026-06-10T11:05:00Z'))).settlement).toMatchObject({ wallet: { reason: 'already debited' } });
    expect(await getWalletBalance(t.db, walletId)).toBe(45);
    const [june] = await issueMonthlyInvoices(t.db, new Date('2026-07-01T00:05:00Z'));
    expect(june).toMatchObject({ customerName: 'Alice', net: 250, vat: 48, gross: 298 });
    expect((await listInvoiceLines(t.db, june!.id)).map((line) => line.description)).toEqual([`Session ${transaction.id}, 2026-06-10, 8 kWh`]);
  });
});

describe('wallet statement', () => {
  it('March: opening balance, every ledger entry with the running balance, closing balance (PDF and CSV)', async () => {
    const statement = await getWalletStatement(t.db, walletId, parseMonth('2026-03')!);
    expect([statement.opening, statement.entries.map((entry) => [entry.kind, entry.amount, entry.balance]), statement.closing]).toEqual([
      1000,
      [
        ['session_debit', -358, 642],
        ['session_debit', -179, 463],
      ],
      463,
    ]);
    const april = await getWalletStatement(t.db, walletId, parseMonth('2026-04')!);
    expect([april.opening, april.entries.map((entry) => entry.amount), april.closing]).toEqual([463, [-120], 343]);
    const csv = walletStatementCsv(statement).split('\r\n');
    expect(csv[0]).toBe('date,kind,description,transaction_id,amount,balance,currency');
    expect(csv[1]).toBe('2026-03-01T00:00:00.000Z,opening_balance,Opening balance,,,10.00,EUR');
    expect(csv[2]).toBe(`2026-03-10T10:01:00.000Z,session_debit,"Charging session, session ${ids.A1}, Invoiced monthly",${ids.A1},-3.58,6.42,EUR`);
    expect(csv[4]).toBe('2026-04-01T00:00:00.000Z,closing_balance,Closing balance,,,4.63,EUR');
    const text = pdfText(await renderWalletStatementPdf(statement, { name: 'Operator' }));
    for (const part of ['Wallet statement 2026-03', 'Opening balance', '€10.00', '-€3.58', '€4.63', 'Closing balance']) expect(text).toContain(part);
  });
});
