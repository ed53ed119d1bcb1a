import { apiRoute, requireActor } from '@/lib/api/api-route';
import { issueSessionInvoiceOperation } from '@/lib/api/contracts/invoices';
import { issueSessionInvoice } from '@/lib/invoices/issue-session-invoice';
import { invoiceView } from '@/lib/invoices/invoice-view';

export const POST = apiRoute(issueSessionInvoiceOperation, async ({ db, actor, params }) => invoiceView(await issueSessionInvoice(db, requireActor(actor), params.id)));
