import { apiRoute, requireActor } from '@/lib/api/api-route';
import { issueMonthlyInvoicesOperation } from '@/lib/api/contracts/invoices';
import { invoiceView } from '@/lib/invoices/invoice-view';
import { issueMonthlyInvoices } from '@/lib/statements/issue-monthly-invoices';

export const POST = apiRoute(issueMonthlyInvoicesOperation, async ({ db, actor }) => ({ data: (await issueMonthlyInvoices(db, new Date(), requireActor(actor))).map((invoice) => invoiceView(invoice)) }));
