import type { Db } from '../db/client';
import { getCreditNoteFor, getSessionInvoice, listInvoiceLines, listLatestSessionInvoiceTotals } from '../db/queries/invoices';
import { listMonthlyBilledSessionTotals } from '../db/queries/statements';
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
  const total = sessionTotal({ invoice, monthly: monthly && { ...monthly, invoiced: monthly.invoice !== null }, cost: transaction.cost });
  return { ...transaction, invoice, monthly, total };
}

interface Amounts {
  currency: string;
  net: number;
  vat: number;
  gross: number;
}
export type SessionTotal = Amounts & { basis: TotalBasis };

/**
 * The rule for the `total` (see TotalBasis), pure: the session's invoice when one stands (not
 * credited), else its stored monthly price, else the engine's cost (final or so far).
 */
export function sessionTotal(input: { invoice: Amounts | null; monthly: (Amounts & { invoiced: boolean }) | null; cost: (Amounts & { isFinal: boolean }) | null }): SessionTotal | null {
  const pick = ({ currency, net, vat, gross }: Amounts, basis: TotalBasis): SessionTotal => ({ basis, currency, net, vat, gross });
  if (input.invoice) return pick(input.invoice, 'invoice');
  if (input.monthly) return pick(input.monthly, input.monthly.invoiced ? 'monthly_invoice' : 'monthly_pending');
  if (input.cost) return pick(input.cost, input.cost.isFinal ? 'tariff' : 'estimate');
  return null;
}

/**
 * The same `total` for a page of sessions (a list), batched: one query for their session invoices
 * and one for their monthly prices, whatever the number of sessions; `costs` are the engine's
 * (priceTransactions). Only stopped sessions look at invoices, as getTransactionWithBilling does.
 */
export async function listSessionTotals(
  db: Db,
  transactions: { id: number; stoppedAt: Date | null }[],
  costs: Map<number, { cost: (Amounts & { isFinal: boolean }) | null }>,
): Promise<Map<number, SessionTotal | null>> {
  const stopped = transactions.filter((t) => t.stoppedAt).map((t) => t.id);
  const [invoices, monthly] = await Promise.all([listLatestSessionInvoiceTotals(db, stopped), listMonthlyBilledSessionTotals(db, stopped)]);
  const result = new Map<number, SessionTotal | null>();
  for (const { id } of transactions) {
    const invoice = invoices.get(id);
    const row = monthly.get(id);
    result.set(
      id,
      sessionTotal({
        invoice: invoice && !invoice.credited ? invoice : null,
        monthly: row ? { ...row, invoiced: row.invoiceId !== null } : null,
        cost: costs.get(id)?.cost ?? null,
      }),
    );
  }
  return result;
}
