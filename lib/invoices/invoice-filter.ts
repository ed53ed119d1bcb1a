import type { InvoiceFilter } from '../db/queries/invoices';

/** The list/export query (ISO strings) as a filter. */
export function invoiceFilter(query: { from?: string; to?: string; driverId?: string }): InvoiceFilter {
  return { from: query.from ? new Date(query.from) : undefined, to: query.to ? new Date(query.to) : undefined, driverId: query.driverId };
}
