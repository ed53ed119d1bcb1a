import type { Db } from '../db/client';
import { listInvoiceMismatches, listReconciliationDays } from '../db/queries/payments';

/**
 * Paid vs invoiced per day, and every invoice of the range whose payments do not add up to its
 * gross (unpaid, partly paid, overpaid). Amounts in minor units; days in UTC.
 */
export async function getReconciliationReport(db: Db, range: { from: Date; to: Date }) {
  const [days, mismatches] = await Promise.all([listReconciliationDays(db, range), listInvoiceMismatches(db, range)]);
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    days: days.map((day) => ({ ...day, difference: day.paid - day.invoiced })),
    mismatches: mismatches.map((m) => ({ ...m, issuedAt: m.issuedAt.toISOString(), outstanding: m.gross - m.paid })),
  };
}
