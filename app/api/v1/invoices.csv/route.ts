import { apiRoute } from '@/lib/api/api-route';
import { exportInvoicesOperation } from '@/lib/api/contracts/invoices';
import { listInvoices } from '@/lib/db/queries/invoices';
import { invoicesCsv } from '@/lib/invoices/invoice-csv';
import { invoiceFilter } from '@/lib/invoices/invoice-filter';

export const GET = apiRoute(exportInvoicesOperation, async ({ db, query }) => {
  const csv = invoicesCsv(await listInvoices(db, invoiceFilter(query)));
  return new Response(csv, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="invoices.csv"', 'cache-control': 'no-store' },
  });
});
