import type { Db } from '../db/client';
import { getCreditNoteFor, getSessionInvoice, listInvoiceLines } from '../db/queries/invoices';
import { getMonthlySessionView } from '../statements/monthly-session-view';
import { getTransactionWithCost } from './price-transaction';

/**
 * Which amount a session really costs:
 * - `invoice`: the session's invoice (latest revision, not credited) — the tariff's lines plus what
 *   the subscription takes off (included energy, plan discount), as the driver's receipt shows;
 * - `monthly_invoice`: invoiced monthly and on its account's monthly invoice: the price stored at its
 *   stop (what that invoice carries for it, included energy and discount taken off);
 * - `monthly_pending`: invoiced monthly, its month's invoice not issued yet (or credited, the session
 *   waiting for the next one): the same stored price, which that invoice will carry;
 * - `tariff`: stopped but not invoiced (yet), the tariff's price before any subscription benefit;
 * - `estimate`: a running session's cost so far, before any subscription benefit.
 */
export type TotalBasis = 'invoice' | 'monthly_invoice' | 'monthly_pending' | 'tariff' | 'estimate';

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
 * engine's breakdown, unchanged), its `invoice` when issued, its `monthly` price when it is invoiced
 * monthly, and the `total` to show with its basis (a session invoice wins over a monthly row).
 */
export async function getTransactionWithBilling(db: Db, id: number, options: { now?: Date } = {}) {
  const transaction = await getTransactionWithCost(db, id, options);
  if (!transaction) return undefined;
  const invoice = transaction.stoppedAt ? await getSessionInvoiceView(db, id) : null;
  const monthly = transaction.stoppedAt && !invoice ? ((await getMonthlySessionView(db, id)) ?? null) : null;
  const { cost } = transaction;
  const total: { basis: TotalBasis; currency: string; net: number; vat: number; gross: number } | null = invoice
    ? { basis: 'invoice', currency: invoice.currency, net: invoice.net, vat: invoice.vat, gross: invoice.gross }
    : monthly
      ? { basis: monthly.invoice ? 'monthly_invoice' : 'monthly_pending', currency: monthly.currency, net: monthly.net, vat: monthly.vat, gross: monthly.gross }
      : cost
        ? { basis: cost.isFinal ? 'tariff' : 'estimate', currency: cost.currency, net: cost.net, vat: cost.vat, gross: cost.gross }
        : null;
  return { ...transaction, invoice, monthly, total };
}
