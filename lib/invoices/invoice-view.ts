import type { Db } from '../db/client';
import { getCreditNoteFor, getInvoiceById, listInvoiceLines, listInvoices, type InvoiceFilter, type InvoiceListRow } from '../db/queries/invoices';
import type { Invoice, InvoiceLine } from '../db/schema';
import { getInvoicePaidAmounts } from '../db/queries/payments';
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
  const [lines, creditNote, paid] = await Promise.all([listInvoiceLines(db, id), getCreditNoteFor(db, id), getInvoicePaidAmounts(db, [id])]);
  const creditedBy = creditNote?.number ?? null;
  const amount = paid.get(id) ?? 0;
  return { ...invoiceView({ ...invoice, creditedBy }), paid: amount, paymentState: paymentState({ ...invoice, creditedBy }, amount), lines: lines.map(lineView) };
}

export type PaymentState = 'paid' | 'unpaid' | 'partly_paid' | 'credited' | 'credit_note';

/** From what was paid (cards, wallet): credit notes and credited invoices are settled by the note. */
export function paymentState(invoice: Pick<Invoice, 'kind' | 'gross'> & { creditedBy: string | null }, paid: number): PaymentState {
  if (invoice.kind === 'credit_note') return 'credit_note';
  if (invoice.creditedBy) return 'credited';
  if (paid >= invoice.gross) return 'paid';
  return paid > 0 ? 'partly_paid' : 'unpaid';
}

export type InvoiceListView = InvoiceView & { creditsNumber: string | null; paid: number; paymentState: PaymentState };

export async function listInvoiceViews(db: Db, filter: InvoiceFilter): Promise<InvoiceListView[]> {
  const rows = await listInvoices(db, filter);
  const paid = await getInvoicePaidAmounts(db, rows.map((row) => row.id));
  return rows.map((row: InvoiceListRow) => {
    const amount = paid.get(row.id) ?? 0;
    return { ...invoiceView(row), creditsNumber: row.creditsNumber, paid: amount, paymentState: paymentState(row, amount) };
  });
}

/** The PDF of an invoice, with the issuer from the configuration (INVOICE_ISSUER_NAME / _ADDRESS). */
export async function getInvoicePdf(db: Db, id: string): Promise<{ number: string; pdf: Uint8Array }> {
  const invoice = await getInvoiceById(db, id);
  if (!invoice) throw notFound('Invoice not found');
  const env = getEnv();
  const pdf = await renderInvoicePdf(invoice, await listInvoiceLines(db, id), { name: env.INVOICE_ISSUER_NAME, address: env.INVOICE_ISSUER_ADDRESS });
  return { number: invoice.number, pdf };
}
