import type { Db } from '../db/client';
import type { NewInvoiceLine } from '../db/queries/invoices';
import { getInvoiceById } from '../db/queries/invoices';
import { getMonthlyBilledSession } from '../db/queries/statements';
import { monthLabel, monthlyInvoiceLines, utcMonth } from './monthly-invoice-lines';

const lineView = ({ component, description, quantity, unit, unitPrice, net, vatRate, vat, gross }: NewInvoiceLine) => ({
  component,
  description,
  quantity: Number(quantity),
  unit,
  unitPrice: Number(unitPrice),
  net,
  vatRate: vatRate ?? null,
  vat,
  gross,
});

/**
 * A monthly-invoiced session's price as stored at its stop (restated by a late StopTransaction if
 * one came): what its account's monthly invoice carries for it. `lines` is the priced breakdown
 * (the tariff's lines, then what the subscription takes off: INCLUDED_ENERGY, DISCOUNT);
 * `invoiceLines` the session's own lines on the monthly invoice (its SESSION line per VAT rate and its
 * INCLUDED_ENERGY line), built by the function that issues it from the same stored row, which cannot
 * change while it is on an invoice (a restatement credits that invoice first). `invoice` is null
 * until the month's invoice is issued, and again after a credit note releases the session.
 * Undefined: not a monthly-invoiced session.
 */
export async function getMonthlySessionView(db: Db, transactionId: number) {
  const row = await getMonthlyBilledSession(db, transactionId);
  if (!row) return undefined;
  const invoice = row.invoiceId ? await getInvoiceById(db, row.invoiceId) : undefined;
  return {
    status: invoice ? ('invoiced' as const) : ('pending' as const),
    accountName: row.accountName,
    month: monthLabel(utcMonth(row.stoppedAt).start),
    invoice: invoice ? { id: invoice.id, number: invoice.number, issuedAt: invoice.issuedAt.toISOString() } : null,
    currency: row.currency,
    lines: (row.lines as NewInvoiceLine[]).map(lineView),
    invoiceLines: monthlyInvoiceLines([row]).map(lineView),
    net: row.net,
    vat: row.vat,
    gross: row.gross,
  };
}
export type MonthlySessionView = NonNullable<Awaited<ReturnType<typeof getMonthlySessionView>>>;
