import type { Db } from '../db/client';
import { allocateInvoiceSequence, insertInvoice, type NewInvoiceLine } from '../db/queries/invoices';
import type { Invoice, InvoiceSeries, NewInvoice } from '../db/schema';
import { formatInvoiceNumber, invoiceTotals } from './invoice-lines';

/**
 * Numbers and inserts an invoice in the caller's transaction: the next number of the series in
 * the issue year (UTC), totals = sums of the lines. Gap-free because the counter row stays locked
 * until the caller's transaction commits or rolls back.
 */
export async function insertNumberedInvoice(
  tx: Db,
  series: InvoiceSeries,
  invoice: Omit<NewInvoice, 'number' | 'series' | 'year' | 'sequence' | 'net' | 'vat' | 'gross'> & { issuedAt: Date },
  lines: NewInvoiceLine[],
): Promise<Invoice> {
  const year = invoice.issuedAt.getUTCFullYear();
  const sequence = await allocateInvoiceSequence(tx, series, year);
  return insertInvoice(tx, { ...invoice, ...invoiceTotals(lines), number: formatInvoiceNumber(series, year, sequence), series, year, sequence }, lines);
}
