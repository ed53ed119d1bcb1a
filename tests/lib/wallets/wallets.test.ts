import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { addEnergyReadings, addStations, flatTariff, stopSession, utc } from '../billing/fixtures';
import { systemActor } from '@/lib/auth/roles';
import { settleStoppedTransaction } from '@/lib/billing/settle-transaction';
import { insertDriver } from '@/lib/db/queries/drivers';
import { upsertIdTag } from '@/lib/db/queries/id-tags';
import { getWalletBalance, listWalletEntries } from '@/lib/db/queries/wallets';
import { authorizeIdTag } from '@/lib/id-tags/authorize-id-tag';
import { issueCreditNote } from '@/lib/invoices/issue-credit-note';
import { createTariff } from '@/lib/tariffs/create-tariff';
import { startTransaction } from '@/lib/transactions/start-transaction';
import { parseAmount } from '@/lib/wallets/parse-amount';
import { createWallet, debitWalletForSession, invoiceCharge, topUpWallet } from '@/lib/wallets/wallet-ledger';

let t: TestDatabase;
let walletId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  await addStations(t.db, 'W-1');
  // €0.10 + 19 % VAT per session = €0.12 gross: small amounts where float drift would show.
  await createTariff(t.db, systemActor, { name: 'Dime', isDefault: true, tariff: { currency: 'EUR', elements: [{ price_components: [{ type: 'FLAT', price: 0.1, vat: 19, step_size: 1 }] }] } }, utc('00:00', '2026-01-01'));
  const driver = await insertDriver(t.db, { name: 'Pre Paid' }, new Date());
  await upsertIdTag(t.db, { idTag: 'PREPAID', driverId: driver.id, maxConcurrentTx: null });
  walletId = (await createWallet(t.db, systemActor, { driverId: driver.id, currency: 'EUR', minBalance: 50 })).id;
});
afterAll(() => t?.drop());

let connector = 0;
async function chargedSession(idTag = 'PREPAID') {
  connector += 1;
  const start = utc('08:00');
  const { transaction } = await startTransaction(t.db, { stationId: 'W-1', request: { connectorId: connector, idTag, meterStart: 0, timestamp: start.toISOString() }, now: start });
  await addEnergyReadings(t.db, transaction, [[utc('08:30'), 1000]]);
  return stopSession(t.db, transaction, utc('09:00'), 1000);
}
const authorize = async () => (await authorizeIdTag(t.db, { idTag: 'PREPAID', stationId: 'W-1', now: utc('10:00') })).status;

describe('prepaid wallets', () => {
  it('parses amounts exactly in minor units', () => {
    expect(['20', '20.5', '20,50', '0.01', '0.1'].map((text) => parseAmount(text, 'EUR'))).toEqual([2000, 2050, 2050, 1, 10]);
    expect(['0', '-1', '1.234', 'abc', ''].map((text) => parseAmount(text, 'EUR'))).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(parseAmount('500', 'JPY')).toBe(500);
  });

  it('authorizes the driver’s tags only at or above the minimum balance', async () => {
    expect(await authorize()).toBe('Blocked');
    await topUpWallet(t.db, systemActor, walletId, { amount: 49 });
    expect(await authorize()).toBe('Blocked');
    await topUpWallet(t.db, systemActor, walletId, { amount: 1, reference: 'pi_123' });
    expect(await authorize()).toBe('Accepted');
    await expect(topUpWallet(t.db, systemActor, walletId, { amount: 0 })).rejects.toMatchObject({ field: 'amount' });
  });

  it('debits the invoice gross at the stop, once; the balance is the sum of the entries, to the cent', async () => {
    const before = await getWalletBalance(t.db, walletId);
    const settled = [];
    for (let i = 0; i < 3; i += 1) settled.push(await settleStoppedTransaction(t.db, (await chargedSession()).id, utc('09:00')));
    expect(settled.map((s) => s.invoice?.gross)).toEqual([12, 12, 12]);
    expect(settled.map((s) => (s.invoice ? s.wallet : null))).toEqual([expect.objectContaining({ debited: true, balance: 38 }), expect.objectContaining({ balance: 26 }), expect.objectContaining({ balance: 14 })]);
    expect(await getWalletBalance(t.db, walletId)).toBe(before - 36);
    const again = await settleStoppedTransaction(t.db, settled[0]!.invoice!.transactionId!, utc('09:30'));
    expect(again).toMatchObject({ wallet: { debited: false, reason: 'already debited' } });
    const entries = await listWalletEntries(t.db, walletId);
    expect(entries.map((e) => [e.kind, e.amount])).toEqual([['session_debit', -12], ['session_debit', -12], ['session_debit', -12], ['top_up', 1], ['top_up', 49]]);
    expect(entries.reduce((sum, e) => sum + e.amount, 0)).toBe(14);
  });

  it('refuses a debit below zero unless the wallet allows it, leaving the invoice unpaid', async () => {
    const expensive = await createTariff(t.db, systemActor, { name: 'Pricey', tariff: flatTariff(1) }, utc('00:00', '2026-01-01'));
    const { setTariffOverride } = await import('@/lib/tariffs/override-tariff');
    await setTariffOverride(t.db, systemActor, expensive.id, { idTag: 'PREPAID' }, utc('00:00', '2026-01-01'));
    const settled = await settleStoppedTransaction(t.db, (await chargedSession()).id, utc('09:00'));
    expect(settled).toMatchObject({ invoice: { gross: 100 }, wallet: { debited: false, reason: 'insufficient balance' } });
    expect(await getWalletBalance(t.db, walletId)).toBe(14);
    await t.db.execute(sql`update wallets set allow_negative = true where id = ${walletId}`);
    expect(await debitWalletForSession(t.db, invoiceCharge(settled.invoice!), utc('09:10'))).toMatchObject({ debited: true, balance: -86 });
    expect(await authorize()).toBe('Blocked');
  });

  it('puts a credited session’s debit back as a refund entry', async () => {
    const [debit] = (await listWalletEntries(t.db, walletId)).filter((e) => e.kind === 'session_debit' && e.amount === -100);
    await issueCreditNote(t.db, systemActor, debit!.invoiceId!, 'Broken connector', utc('11:00'));
    expect((await listWalletEntries(t.db, walletId, 1))[0]).toMatchObject({ kind: 'refund', amount: 100, invoiceId: debit!.invoiceId });
    expect(await getWalletBalance(t.db, walletId)).toBe(14);
  });

  it('keeps the ledger append-only and never lets concurrent debits overdraw', async () => {
    const refusal = (query: Promise<unknown>) => query.then(() => 'done', (error: Error & { cause?: Error }) => error.cause?.message ?? error.message);
    await expect(refusal(t.db.execute(sql`update wallet_entries set amount = 1000000`))).resolves.toMatch(/append-only \(UPDATE refused\)/);
    await expect(refusal(t.db.execute(sql`delete from wallet_entries`))).resolves.toMatch(/append-only \(DELETE refused\)/);
    await t.db.execute(sql`update wallets set allow_negative = false where id = ${walletId}`);
    const sessions = await Promise.all([1, 2, 3, 4].map(() => chargedSession('PREPAID')));
    const { issueSessionInvoice } = await import('@/lib/invoices/issue-session-invoice');
    const invoices = await Promise.all(sessions.map((s) => issueSessionInvoice(t.db, systemActor, s.id, utc('09:00'))));
    await topUpWallet(t.db, systemActor, walletId, { amount: 86 }); // €1.00: exactly one session of €1.00 (the override, no VAT)
    const debits = await Promise.all(invoices.map((invoice) => debitWalletForSession(t.db, invoiceCharge(invoice), utc('09:00'))));
    expect(debits.filter((d) => d.debited)).toHaveLength(1);
    expect(debits.filter((d) => !d.debited).map((d) => !d.debited && d.reason)).toEqual(['insufficient balance', 'insufficient balance', 'insufficient balance']);
    expect(await getWalletBalance(t.db, walletId)).toBe(0);
  });
});
