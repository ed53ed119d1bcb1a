import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { systemActor } from '@/lib/auth/roles';
import { insertDriver } from '@/lib/db/queries/drivers';
import { insertInvoice } from '@/lib/db/queries/invoices';
import { getDriverBilling, getDriverInvoicePdf } from '@/lib/driver-portal/driver-billing';
import { createWallet, topUpWallet } from '@/lib/wallets/wallet-ledger';

let t: TestDatabase;
let dana: string;
let eve: string;
let invoiceId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const now = new Date('2026-11-27T10:00:00Z');
  dana = (await insertDriver(t.db, { name: 'Dana', email: 'dana@example.com', status: 'active' }, now)).id;
  eve = (await insertDriver(t.db, { name: 'Eve', email: 'eve@example.com', status: 'active' }, now)).id;
  const wallet = await createWallet(t.db, systemActor, { driverId: dana, currency: 'EUR', minBalance: 500 });
  await topUpWallet(t.db, systemActor, wallet.id, { amount: 2000, note: 'cash' }, now);
  const invoice = await insertInvoice(
    t.db,
    { number: 'INV-2026-000042', series: 'INV', year: 2026, sequence: 42, kind: 'session', issuedAt: now, currency: 'EUR', net: 1000, vat: 190, gross: 1190, driverId: dana, customerName: 'Dana', issuedBy: 'test' },
    [],
  );
  invoiceId = invoice.id;
});
afterAll(() => t?.drop());

it("shows the driver's own wallet balance, movements and invoices", async () => {
  const billing = await getDriverBilling(t.db, dana);
  expect(billing.wallet).toMatchObject({ currency: 'EUR', minBalance: 500, balance: 2000, entries: [expect.objectContaining({ kind: 'top_up', amount: 2000 })] });
  expect(billing.invoices).toEqual([expect.objectContaining({ number: 'INV-2026-000042', gross: 1190, currency: 'EUR', kind: 'session' })]);
  expect(await getDriverBilling(t.db, eve)).toEqual({ wallet: null, invoices: [] });
});

it("gives the driver their own invoice PDF and nobody else's", async () => {
  const { number, pdf } = await getDriverInvoicePdf(t.db, dana, invoiceId);
  expect(number).toBe('INV-2026-000042');
  expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  await expect(getDriverInvoicePdf(t.db, eve, invoiceId)).rejects.toMatchObject({ status: 404 });
});
