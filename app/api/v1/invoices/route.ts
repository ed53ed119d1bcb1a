import { apiRoute } from '@/lib/api/api-route';
import { listInvoicesOperation } from '@/lib/api/contracts/invoices';
import { invoiceFilter } from '@/lib/invoices/invoice-filter';
import { listInvoiceViews } from '@/lib/invoices/invoice-view';

export const GET = apiRoute(listInvoicesOperation, async ({ db, query }) => ({ data: await listInvoiceViews(db, invoiceFilter(query)) }));
