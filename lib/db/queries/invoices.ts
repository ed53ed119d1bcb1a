import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import { invoiceCounters, invoiceLines, invoices, type Invoice, type InvoiceLine, type InvoiceSeries, type NewInvoice } from '../schema';

/**
 * The next number of a series in a year, gap-free: the counter row is created if missing, then
 * locked FOR UPDATE until the surrounding transaction ends, so concurrent issuers queue and a
 * rolled-back issue returns its number. Call inside the transaction that inserts the invoice.
 */
export async function allocateInvoiceSequence(db: Db, series: InvoiceSeries, year: number): Promise<number> {
  await db.insert(invoiceCounters).values({ series, year, lastNumber: 0 }).onConflictDoNothing();
  const [counter] = await db
    .select()
    .from(invoiceCounters)
    .where(and(eq(invoiceCounters.series, series), eq(invoiceCounters.year, year)))
    .for('update');
  const next = counter!.lastNumber + 1;
  await db.update(invoiceCounters).set({ lastNumber: next }).where(and(eq(invoiceCounters.series, series), eq(invoiceCounters.year, year)));
  return next;
}

export type NewInvoiceLine = Omit<typeof invoiceLines.$inferInsert, 'id' | 'invoiceId' | 'position'>;

export async function insertInvoice(db: Db, invoice: NewInvoice, lines: NewInvoiceLine[]): Promise<Invoice> {
  const [row] = await db.insert(invoices).values(invoice).returning();
  if (lines.length > 0) await db.insert(invoiceLines).values(lines.map((line, index) => ({ ...line, invoiceId: row!.id, position: index + 1 })));
  return row!;
}

export async function getInvoiceById(db: Db, id: string): Promise<Invoice | undefined> {
  const [row] = await db.select().from(invoices).where(eq(invoices.id, id));
  return row;
}

export function listInvoiceLines(db: Db, invoiceId: string): Promise<InvoiceLine[]> {
  return db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(asc(invoiceLines.position));
}

export async function getSessionInvoice(db: Db, transactionId: number): Promise<Invoice | undefined> {
  const [row] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.transactionId, transactionId), eq(invoices.kind, 'session')))
    .orderBy(desc(invoices.revision))
    .limit(1);
  return row;
}

export async function getCreditNoteFor(db: Db, invoiceId: string): Promise<Invoice | undefined> {
  const [row] = await db.select().from(invoices).where(eq(invoices.creditsInvoiceId, invoiceId));
  return row;
}

/**
 * For a page of sessions at once: each one's latest session invoice (highest revision) with its
 * totals and whether a credit note reverses it, in one query. Sessions without one are absent.
 */
export async function listLatestSessionInvoiceTotals(
  db: Db,
  transactionIds: number[],
): Promise<Map<number, { id: string; currency: string; net: number; vat: number; gross: number; credited: boolean }>> {
  if (transactionIds.length === 0) return new Map();
  const creditNotes = alias(invoices, 'credit_notes');
  const rows = await db
    .selectDistinctOn([invoices.transactionId], {
      transactionId: invoices.transactionId,
      id: invoices.id,
      currency: invoices.currency,
      net: invoices.net,
      vat: invoices.vat,
      gross: invoices.gross,
      credited: sql<boolean>`${creditNotes.id} is not null`,
    })
    .from(invoices)
    .leftJoin(creditNotes, eq(creditNotes.creditsInvoiceId, invoices.id))
    .where(and(inArray(invoices.transactionId, transactionIds), eq(invoices.kind, 'session')))
    .orderBy(invoices.transactionId, desc(invoices.revision));
  return new Map(rows.map(({ transactionId, ...row }) => [transactionId!, row]));
}

/** Serialises issuing for one session (or one invoice's credit note) until the transaction ends. */
export async function lockInvoiceSubject(db: Db, key: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`invoice:${key}`}, 0))`);
}

export interface InvoiceFilter {
  from?: Date;
  to?: Date;
  driverId?: string;
  limit?: number;
}

export type InvoiceListRow = Invoice & { creditedBy: string | null; creditsNumber: string | null };

/** Invoices and credit notes issued in [from, to), newest first, with the number of the credit note / credited invoice. */
export async function listInvoices(db: Db, filter: InvoiceFilter = {}): Promise<InvoiceListRow[]> {
  const creditNote = sql<string | null>`(select c.number from ${invoices} c where c.credits_invoice_id = "invoices"."id")`;
  const credited = sql<string | null>`(select i.number from ${invoices} i where i.id = "invoices"."credits_invoice_id")`;
  return db
    .select({ invoice: invoices, creditedBy: creditNote, creditsNumber: credited })
    .from(invoices)
    .where(
      and(
        filter.from ? gte(invoices.issuedAt, filter.from) : undefined,
        filter.to ? lt(invoices.issuedAt, filter.to) : undefined,
        filter.driverId ? eq(invoices.driverId, filter.driverId) : undefined,
      ),
    )
    .orderBy(desc(invoices.issuedAt), desc(invoices.number))
    .limit(filter.limit ?? 10_000)
    .then((rows) => rows.map(({ invoice, creditedBy, creditsNumber }) => ({ ...invoice, creditedBy, creditsNumber })));
}

export async function listInvoicesByIds(db: Db, ids: string[]): Promise<Invoice[]> {
  if (ids.length === 0) return [];
  return db.select().from(invoices).where(inArray(invoices.id, ids));
}
