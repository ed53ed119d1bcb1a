import type { Db } from '../db/client';
import { getCreditNoteFor, getInvoiceById, listInvoiceLines, listInvoices, type InvoiceFilter, type InvoiceListRow } from '../db/queries/invoices';
import type { Invoice, InvoiceLine } from '../db/schema';
import { getEnv } from '../env';
import { notFound } from '../errors';
import { renderInvoicePdf } from './invoice-pdf';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function invoiceView(invoice: Invoice & { creditedBy?: string | null }) {
  return {
    id: invoice.id,
    number: invoice.number,
    kind: invoice.kind,
    issuedAt: invoice.issuedAt.toISOString(),
    currency: invoice.currency,
    net: invoice.net,
    vat: invoice.vat,
    gross: invoice.gross,
    transactionId: invoice.transactionId,
    driverId: invoice.driverId,
    subscriptionId: invoice.subscriptionId,
    periodStart: iso(invoice.periodStart),
    periodEnd: iso(invoice.periodEnd),
    creditsInvoiceId: invoice.creditsInvoiceId,
    creditedBy: invoice.creditedBy ?? null,
    customerName: invoice.customerName,
    customerEmail: invoice.customerEmail,
    note: invoice.note,
    issuedBy: invoice.issuedBy,
  };
}
export type InvoiceView = ReturnType<typeof invoiceView>;

const lineView = ({ id: _id, invoiceId: _invoiceId, ...line }: InvoiceLine) => line;

export async function getInvoiceDetail(db: Db, id: string) {
  const invoice = await getInvoiceById(db, id);
  if (!invoice) throw notFound('Invoice not found');
  const [lines, creditNote] = await Promise.all([listInvoiceLines(db, id), getCreditNoteFor(db, id)]);
  return { ...invoiceView({ ...invoice, creditedBy: creditNote?.number ?? null }), lines: lines.map(lineView) };
}

export async function listInvoiceViews(db: Db, filter: InvoiceFilter): Promise<(InvoiceView & { creditsNumber: string | null })[]> {
  return (await listInvoices(db, filter)).map((row: InvoiceListRow) => ({ ...invoiceView(row), creditsNumber: row.creditsNumber }));
}

/** The PDF of an invoice, with the issuer from the configuration (INVOICE_ISSUER_NAME / _ADDRESS). */
export async function getInvoicePdf(db: Db, id: string): Promise<{ number: string; pdf: Uint8Array }> {
  const invoice = await getInvoiceById(db, id);
  if (!invoice) throw notFound('Invoice not found');
  const env = getEnv();
  const pdf = await renderInvoicePdf(invoice, await listInvoiceLines(db, id), { name: env.INVOICE_ISSUER_NAME, address: env.INVOICE_ISSUER_ADDRESS });
  return { number: invoice.number, pdf };
}
