import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { systemActor } from '@/lib/auth/roles';
import { getDriverById, insertDriver } from '@/lib/db/queries/drivers';
import { exportDriverData } from '@/lib/driver-portal/driver-privacy';
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

it('"Export my data" carries the wallet movements and the invoices, the driver’s own only', async () => {
  const [danaRow, eveRow] = await Promise.all([getDriverById(t.db, dana), getDriverById(t.db, eve)]);
  const exported = await exportDriverData(t.db, danaRow!);
  expect(exported.wallet).toEqual({ currency: 'EUR', balance: 2000, entries: [{ at: '2026-11-27T10:00:00.000Z', kind: 'top_up', amount: 2000, transactionId: null, reference: null, note: 'cash' }] });
  expect(exported.invoices).toEqual([{ number: 'INV-2026-000042', kind: 'session', issuedAt: '2026-11-27T10:00:00.000Z', currency: 'EUR', gross: 1190 }]);
  expect(await exportDriverData(t.db, eveRow!)).toMatchObject({ wallet: null, invoices: [] });
});
