import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { addEnergyReadings, addStations, utc } from '../billing/fixtures';
import { systemActor } from '@/lib/auth/roles';
import { resettleRestatedTransaction, settleStoppedTransaction } from '@/lib/billing/settle-transaction';
import { insertDriver } from '@/lib/db/queries/drivers';
import { upsertIdTag } from '@/lib/db/queries/id-tags';
import { restateTransactionStop, stopTransactionRow } from '@/lib/db/queries/transactions';
import { getWalletBalance, listWalletEntries } from '@/lib/db/queries/wallets';
import { createTariff } from '@/lib/tariffs/create-tariff';
import { startTransaction } from '@/lib/transactions/start-transaction';
import { createWallet, topUpWallet } from '@/lib/wallets/wallet-ledger';

let t: TestDatabase;
let walletId: string;
let transactionId: number;

// €0.25/kWh + 19 % VAT. Reconciled at 4 kWh: €1.00 + €0.19 = €1.19; restated at 8 kWh: €2.00 + €0.38 = €2.38.
beforeAll(async () => {
  t = await createTestDatabase();
  await addStations(t.db, 'RA-1');
  await createTariff(t.db, systemActor, { name: 'Energy', isDefault: true, tariff: { currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY', price: 0.25, vat: 19, step_size: 1 }] }] } }, utc('00:00', '2026-01-01'));
  const driver = await insertDriver(t.db, { name: 'Atomic Driver' }, new Date());
  await upsertIdTag(t.db, { idTag: 'ATOMIC', driverId: driver.id, maxConcurrentTx: null });
  walletId = (await createWallet(t.db, systemActor, { driverId: driver.id, currency: 'EUR' })).id;
  await topUpWallet(t.db, systemActor, walletId, { amount: 1000 }, utc('07:00'));
  const { transaction } = await startTransaction(t.db, { stationId: 'RA-1', request: { connectorId: 1, idTag: 'ATOMIC', meterStart: 0, timestamp: utc('08:00').toISOString() }, now: utc('08:00') });
  transactionId = transaction.id;
  await addEnergyReadings(t.db, transaction, [[utc('09:00'), 4000]]);
  await stopTransactionRow(t.db, { id: transactionId, stoppedAt: utc('09:00'), meterStop: 4000, stopReason: 'Other' });
  const settled = await settleStoppedTransaction(t.db, transactionId, utc('10:00'));
  expect(settled.invoice).toMatchObject({ number: 'INV-2026-000001', gross: 119 });
  await restateTransactionStop(t.db, { id: transactionId, stoppedAt: utc('09:30'), meterStop: 8000, stopReason: 'Local', stopIdTag: null, note: 'late stop' });
});
afterAll(() => t?.drop());

const invoices = async () =>
  ((await t.db.execute(sql`select number, kind, revision, gross from invoices order by issued_at, number`)) as unknown as { number: string; kind: string; revision: number; gross: number }[]).map((row) => [row.number, row.kind, row.revision, row.gross]);
const counters = async () => ((await t.db.execute(sql`select series, last_number from invoice_counters order by series`)) as unknown as { series: string; last_number: number }[]).map((row) => [row.series, row.last_number]);

it('a failure after the credit note (issuing revision 2) leaves neither: no credit note, no refund, no used number', async () => {
  // The revision's insert fails in the database, after the credit note and its refund were written in the same transaction.
  await t.db.execute(sql.raw(`
    create function fail_revision() returns trigger language plpgsql as $$ begin raise exception 'injected failure for revision %', new.revision; end $$;
    create trigger fail_revision before insert on invoices for each row when (new.kind = 'session' and new.revision > 1) execute function fail_revision();
  `));
  const failure = await resettleRestatedTransaction(t.db, transactionId, utc('11:00')).then(
    () => undefined,
    (error: unknown) => error as { cause?: { message?: string } },
  );
  await t.db.execute(sql.raw('drop trigger fail_revision on invoices; drop function fail_revision();'));
  expect(failure?.cause?.message).toBe('injected failure for revision 2');
  expect(await invoices()).toEqual([['INV-2026-000001', 'session', 1, 119]]);
  expect(await counters()).toEqual([['INV', 1]]);
  expect((await listWalletEntries(t.db, walletId)).map((entry) => [entry.kind, entry.amount]).sort()).toEqual([['session_debit', -119], ['top_up', 1000]]);
  expect(await getWalletBalance(t.db, walletId)).toBe(881);
});

it('once the failure is gone, the same restatement issues CN-…-000001 and revision 2 with no gap, refunded and debited once', async () => {
  const restated = await resettleRestatedTransaction(t.db, transactionId, utc('11:00'));
  expect(restated.creditNote).toMatchObject({ number: 'CN-2026-000001', gross: -119 });
  expect(restated.settlement).toMatchObject({ invoice: { number: 'INV-2026-000002', revision: 2, gross: 238 }, wallet: { debited: true, balance: 762 } });
  expect(await invoices()).toEqual([
    ['INV-2026-000001', 'session', 1, 119],
    ['CN-2026-000001', 'credit_note', 1, -119],
    ['INV-2026-000002', 'session', 2, 238],
  ]);
  expect(await getWalletBalance(t.db, walletId)).toBe(1000 - 238);
  // Again: unchanged, nothing issued.
  expect((await resettleRestatedTransaction(t.db, transactionId, utc('12:00'))).creditNote).toBeNull();
  expect((await invoices()).length).toBe(3);
});
