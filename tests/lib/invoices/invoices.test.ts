import { PDFDocument } from 'pdf-lib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { addEnergyReadings, addStations, energyAndParking, setConnectorStatus, startSession, stopSession, utc } from '../billing/fixtures';
import { pdfText } from './pdf-text';
import { systemActor } from '@/lib/auth/roles';
import { allocateInvoiceSequence, listInvoiceLines, listInvoices } from '@/lib/db/queries/invoices';
import { insertDriver } from '@/lib/db/queries/drivers';
import { upsertIdTag } from '@/lib/db/queries/id-tags';
import { invoicesCsv, decimalAmount } from '@/lib/invoices/invoice-csv';
import { renderInvoicePdf } from '@/lib/invoices/invoice-pdf';
import { issueCreditNote } from '@/lib/invoices/issue-credit-note';
import { issueSessionInvoice } from '@/lib/invoices/issue-session-invoice';
import { assignTariff } from '@/lib/tariffs/assign-tariff';
import { createTariff } from '@/lib/tariffs/create-tariff';
import { startTransaction } from '@/lib/transactions/start-transaction';
import type { Transaction } from '@/lib/db/schema';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await addStations(t.db, 'INV-1', 'FREE-1');
  const tariffId = (await createTariff(t.db, systemActor, { name: 'Energy + parking', tariff: energyAndParking }, utc('00:00', '2026-01-01'))).id;
  await assignTariff(t.db, systemActor, tariffId, { stationId: 'INV-1' }, utc('00:00', '2026-01-01'));
});
afterAll(() => t?.drop());

/** By hand (see tests/lib/billing/price-transaction.test.ts): €3.00 energy + €1.00 fee + €3.00 parking, VAT 19 % per line. */
async function pricedSession(start: string, options: { connectorId?: number; meterStart?: number; idTag?: string } = {}): Promise<Transaction> {
  const { connectorId = 1, meterStart = 1000, idTag } = options;
  const transaction = idTag
    ? (await startTransaction(t.db, { stationId: 'INV-1', request: { connectorId, idTag, meterStart, timestamp: utc(start).toISOString() }, now: utc(start) })).transaction
    : await startSession(t.db, { stationId: 'INV-1', connectorId, startedAt: utc(start), meterStart });
  const at = (minutes: number) => new Date(utc(start).getTime() + minutes * 60_000);
  await setConnectorStatus(t.db, 'INV-1', transaction.connectorId, 'Charging', at(0));
  await addEnergyReadings(t.db, transaction, [[at(60), meterStart + 10_000]]);
  await setConnectorStatus(t.db, 'INV-1', transaction.connectorId, 'SuspendedEV', at(60));
  const stopped = await stopSession(t.db, transaction, at(100), meterStart + 10_000);
  await setConnectorStatus(t.db, 'INV-1', transaction.connectorId, 'Available', at(100));
  return stopped;
}

describe('session invoices', () => {
  let first: Awaited<ReturnType<typeof issueSessionInvoice>>;

  it('issues INV-2026-000001 with the engine’s lines and totals to the cent, once per session', async () => {
    const session = await pricedSession('09:00');
    first = await issueSessionInvoice(t.db, systemActor, session.id, utc('12:00'));
    expect(first).toMatchObject({ number: 'INV-2026-000001', kind: 'session', currency: 'EUR', net: 700, vat: 133, gross: 833, transactionId: session.id });
    const lines = await listInvoiceLines(t.db, first.id);
    expect(lines.map((l) => [l.component, l.quantity, l.unit, l.unitPrice, l.net, l.vatRate, l.vat, l.gross])).toEqual([
      ['FLAT', 1, 'session', 1, 100, 19, 19, 119],
      ['ENERGY', 10, 'kWh', 0.3, 300, 19, 57, 357],
      ['PARKING_TIME', 0.5, 'h', 6, 300, 19, 57, 357],
    ]);
    expect(await issueSessionInvoice(t.db, systemActor, session.id, utc('13:00'))).toEqual(first);
  });

  it('bills the driver of the session’s tag as it was at the start', async () => {
    const driver = await insertDriver(t.db, { name: 'Ana Núñez', email: 'ana@example.com' }, new Date());
    await upsertIdTag(t.db, { idTag: 'ANA', driverId: driver.id, maxConcurrentTx: null });
    const session = await pricedSession('13:00', { connectorId: 2, meterStart: 50_000, idTag: 'ANA' });
    const invoice = await issueSessionInvoice(t.db, systemActor, session.id, utc('15:00'));
    expect(invoice).toMatchObject({ driverId: driver.id, customerName: 'Ana Núñez', customerEmail: 'ana@example.com', gross: 833 });
  });

  it('refuses a running session and an unpriced one', async () => {
    const running = await startSession(t.db, { stationId: 'INV-1', connectorId: 3, startedAt: utc('10:00'), meterStart: 0 });
    await expect(issueSessionInvoice(t.db, systemActor, running.id)).rejects.toMatchObject({ status: 409, code: 'session_running' });
    const free = await startSession(t.db, { stationId: 'FREE-1', startedAt: utc('10:00'), meterStart: 0 });
    const stopped = await stopSession(t.db, free, utc('11:00'), 100);
    await expect(issueSessionInvoice(t.db, systemActor, stopped.id)).rejects.toMatchObject({ status: 409, code: 'not_priced' });
  });

  it('numbers without gaps: concurrent issues get consecutive numbers; a rolled-back one gives its number back; each year starts at 1', async () => {
    const sessions = await Promise.all(['16:00', '16:10', '16:20', '16:30', '16:40', '16:50'].map((start, i) => pricedSession(start, { connectorId: 10 + i, meterStart: 100_000 * (i + 1) })));
    await t.db.transaction(async (tx) => {
      expect(await allocateInvoiceSequence(tx, 'INV', 2026)).toBe(3);
      tx.rollback();
    }).catch(() => undefined);
    const issued = await Promise.all(sessions.map((s) => issueSessionInvoice(t.db, systemActor, s.id, utc('18:00'))));
    expect(issued.map((i) => i.sequence).sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(new Set(issued.map((i) => i.number)).size).toBe(6);
    const nextYear = await pricedSession('20:00', { meterStart: 900_000 });
    expect((await issueSessionInvoice(t.db, systemActor, nextYear.id, new Date('2027-01-01T00:00:01Z'))).number).toBe('INV-2027-000001');
  });

  it('is immutable once issued: the database refuses UPDATE and DELETE of invoices and lines', async () => {
    const refusal = (query: Promise<unknown>) => query.then(() => 'done', (error: Error & { cause?: Error }) => error.cause?.message ?? error.message);
    await expect(refusal(t.db.execute(sql`update invoices set gross = 1, net = 1, vat = 0 where id = ${first.id}`))).resolves.toMatch(/immutable \(UPDATE on invoices\)/);
    await expect(refusal(t.db.execute(sql`delete from invoices where id = ${first.id}`))).resolves.toMatch(/immutable \(DELETE on invoices\)/);
    await expect(refusal(t.db.execute(sql`update invoice_lines set description = 'x' where invoice_id = ${first.id}`))).resolves.toMatch(/immutable \(UPDATE on invoice_lines\)/);
    expect((await listInvoiceLines(t.db, first.id)).map((line) => line.gross)).toEqual([119, 357, 357]);
  });
});

describe('credit notes', () => {
  it('reverse an invoice in full with their own numbering, once', async () => {
    const [invoice] = (await listInvoices(t.db)).filter((row) => row.number === 'INV-2026-000001');
    const note = await issueCreditNote(t.db, systemActor, invoice!.id, 'Charged twice', utc('19:00'));
    expect(note).toMatchObject({ number: 'CN-2026-000001', kind: 'credit_note', net: -700, vat: -133, gross: -833, creditsInvoiceId: invoice!.id });
    expect((await listInvoiceLines(t.db, note.id)).map((l) => l.gross)).toEqual([-119, -357, -357]);
    await expect(issueCreditNote(t.db, systemActor, invoice!.id, 'again')).rejects.toMatchObject({ code: 'already_credited' });
    await expect(issueCreditNote(t.db, systemActor, note.id, 'reverse the reversal')).rejects.toMatchObject({ code: 'is_credit_note' });
    await expect(issueCreditNote(t.db, systemActor, invoice!.id, ' ')).rejects.toMatchObject({ field: 'reason' });
    const listed = (await listInvoices(t.db)).find((row) => row.id === invoice!.id);
    expect(listed?.creditedBy).toBe('CN-2026-000001');
  });
});

describe('PDF and CSV', () => {
  it('renders the invoice as a one-page PDF with its number, customer, lines and totals', async () => {
    const [invoice] = (await listInvoices(t.db)).filter((row) => row.customerName === 'Ana Núñez');
    const bytes = await renderInvoicePdf(invoice!, await listInvoiceLines(t.db, invoice!.id), { name: 'Charge Co', address: 'Main St 1, 10115 Berlin' });
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const document = await PDFDocument.load(bytes);
    expect(document.getPageCount()).toBe(1);
    expect(document.getTitle()).toBe(`Invoice ${invoice!.number}`);
    const text = pdfText(bytes);
    for (const expected of [invoice!.number, 'Charge Co', 'Ana Núñez · ana@example.com', 'Energy: 10 kWh', '€3.57', '€8.33', 'VAT 19%: €1.33 on €7.00']) {
      expect(text).toContain(expected);
    }
  });

  it('prints characters the standard fonts lack as "?" instead of failing', async () => {
    const [invoice] = await listInvoices(t.db, { limit: 1 });
    const bytes = await renderInvoicePdf({ ...invoice!, customerName: '王小明' }, [], { name: 'Ładowanie' });
    expect(pdfText(bytes)).toContain('???');
  });

  it('exports CSV with exact decimal amounts, credit notes negative and linked', async () => {
    const csv = invoicesCsv(await listInvoices(t.db, { from: utc('00:00'), to: utc('00:00', '2026-03-03') }));
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe('number,kind,issued_at,customer_name,customer_email,transaction_id,credits_invoice,credited_by,currency,net,vat,gross');
    expect(rows.find((row) => row.startsWith('CN-2026-000001'))).toMatch(/,INV-2026-000001,,EUR,-7\.00,-1\.33,-8\.33$/);
    expect(rows.find((row) => row.startsWith('INV-2026-000001,'))).toMatch(/,CN-2026-000001,EUR,7\.00,1\.33,8\.33$/);
    expect(rows).toHaveLength(1 + 8 + 1);
    expect([decimalAmount(5, 'EUR'), decimalAmount(-5, 'EUR'), decimalAmount(1234, 'JPY'), decimalAmount(1, 'KWD')]).toEqual(['0.05', '-0.05', '1234', '0.001']);
  });
});
