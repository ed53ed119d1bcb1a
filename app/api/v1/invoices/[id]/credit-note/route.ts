import { apiRoute, requireActor } from '@/lib/api/api-route';
import { creditInvoiceOperation } from '@/lib/api/contracts/invoices';
import { issueCreditNote } from '@/lib/invoices/issue-credit-note';
import { invoiceView } from '@/lib/invoices/invoice-view';

export const POST = apiRoute(creditInvoiceOperation, async ({ db, actor, params, body }) => invoiceView(await issueCreditNote(db, requireActor(actor), params.id, body.reason)));
