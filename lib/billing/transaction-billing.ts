import type { Db } from '../db/client';
import { getCreditNoteFor, getSessionInvoice, listInvoiceLines } from '../db/queries/invoices';
import { getTransactionWithCost } from './price-transaction';

/**
 * Which amount a session really costs:
 * - `invoice`: the session's invoice (latest revision, not credited) — the tariff's lines plus what
 *   the subscription takes off (included energy, plan discount), as the driver's receipt shows;
 * - `tariff`: stopped but not invoiced (yet), the tariff's price before any subscription benefit;
 * - `estimate`: a running session's cost so far, before any subscription benefit.
 */
export type TotalBasis = 'invoice' | 'tariff' | 'estimate';

export async function getSessionInvoiceView(db: Db, transactionId: number) {
  const invoice = await getSessionInvoice(db, transactionId);
  if (!invoice || (await getCreditNoteFor(db, invoice.id))) return null;
  const lines = await listInvoiceLines(db, invoice.id);
  return {
    id: invoice.id,
    number: invoice.number,
    revision: invoice.revision,
    issuedAt: invoice.issuedAt.toISOString(),
    currency: invoice.currency,
    lines: lines.map(({ component, description, quantity, unit, unitPrice, net, vatRate, vat, gross }) => ({ component, description, quantity, unit, unitPrice, net, vatRate, vat, gross })),
    net: invoice.net,
    vat: invoice.vat,
    gross: invoice.gross,
  };
}
export type SessionInvoiceView = NonNullable<Awaited<ReturnType<typeof getSessionInvoiceView>>>;

/**
 * GET /api/v1/transactions/{id} and the session page: the transaction, its tariff `cost` (the
 * engine's breakdown, unchanged), its `invoice` when issued, and the `total` to show with its basis.
 */
export async function getTransactionWithBilling(db: Db, id: number, options: { now?: Date } = {}) {
  const transaction = await getTransactionWithCost(db, id, options);
  if (!transaction) return undefined;
  const invoice = transaction.stoppedAt ? await getSessionInvoiceView(db, id) : null;
  const { cost } = transaction;
  const total: { basis: TotalBasis; currency: string; net: number; vat: number; gross: number } | null = invoice
    ? { basis: 'invoice', currency: invoice.currency, net: invoice.net, vat: invoice.vat, gross: invoice.gross }
    : cost
      ? { basis: cost.isFinal ? 'tariff' : 'estimate', currency: cost.currency, net: cost.net, vat: cost.vat, gross: cost.gross }
      : null;
  return { ...transaction, invoice, total };
}
