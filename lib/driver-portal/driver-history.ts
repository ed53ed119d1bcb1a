import type { Db } from '../db/client';
import { listDriverTagValues, listTransactionsForTags } from '../db/queries/driver-transactions';
import { getTransactionWithCost, priceTransactions } from '../billing/price-transaction';
import { listSessionTotals } from '../billing/transaction-billing';
import { getCreditNoteFor, getSessionInvoice, listInvoiceLines } from '../db/queries/invoices';
import { getMonthlySessionView } from '../statements/monthly-session-view';

/**
 * The driver's sessions, newest first, each with its tariff cost (final, or so far) and its `total`:
 * the amount its receipt shows, by the rule of GET /api/v1/transactions/{id} (listSessionTotals,
 * batched for the page). Only their own tags.
 */
export async function listDriverSessions(db: Db, driverId: string, now = new Date()) {
  const rows = await listTransactionsForTags(db, await listDriverTagValues(db, driverId));
  const costs = await priceTransactions(db, rows, { now });
  const totals = await listSessionTotals(db, rows, costs);
  return rows.map((row) => ({
    id: row.id,
    stationId: row.stationId,
    connectorId: row.connectorId,
    startedAt: row.startedAt,
    stoppedAt: row.stoppedAt,
    energyWh: row.meterStop === null ? null : Math.max(row.meterStop - row.meterStart, 0),
    cost: costs.get(row.id)?.cost ?? null,
    total: totals.get(row.id) ?? null,
  }));
}
export type DriverSessionRow = Awaited<ReturnType<typeof listDriverSessions>>[number];

/**
 * One session with its priced lines: the receipt once stopped. Undefined when it is not the
 * driver's (someone else's session is answered as missing, never shown). A session invoiced
 * monthly (and not per session) gets `monthly`: its price as stored at the stop, which its monthly
 * invoice carries (its number once issued).
 */
export async function getDriverReceipt(db: Db, driverId: string, transactionId: number, now = new Date()) {
  const tags = await listDriverTagValues(db, driverId);
  const transaction = await getTransactionWithCost(db, transactionId, { now });
  if (!transaction || !tags.includes(transaction.idTag)) return undefined;
  const invoiced = await invoicedPlanLines(db, transactionId);
  const monthly = transaction.stoppedAt && !invoiced ? await monthlyReceipt(db, transactionId) : null;
  return { ...transaction, invoiced, monthly };
}

async function monthlyReceipt(db: Db, transactionId: number) {
  const view = await getMonthlySessionView(db, transactionId);
  if (!view) return null;
  const lines = view.lines.map(({ component, description, gross }) => ({ component, description, gross }));
  return { invoiceNumber: view.invoice?.number ?? null, month: view.month, currency: view.currency, lines, vat: view.vat, gross: view.gross };
}

/** What the session's invoice (unless credited) adds to the engine's lines (included energy, plan discount) and its total. */
async function invoicedPlanLines(db: Db, transactionId: number) {
  const invoice = await getSessionInvoice(db, transactionId);
  if (!invoice || (await getCreditNoteFor(db, invoice.id))) return null;
  const lines = (await listInvoiceLines(db, invoice.id)).filter((line) => line.component === 'INCLUDED_ENERGY' || line.component === 'DISCOUNT');
  return { lines: lines.map(({ description, gross }) => ({ description, gross })), vat: invoice.vat, gross: invoice.gross };
}
export type DriverReceipt = NonNullable<Awaited<ReturnType<typeof getDriverReceipt>>>;
