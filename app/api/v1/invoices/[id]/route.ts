import { apiRoute } from '@/lib/api/api-route';
import { getInvoiceOperation, getInvoicePdfOperation } from '@/lib/api/contracts/invoices';
import { getInvoiceDetail, getInvoicePdf } from '@/lib/invoices/invoice-view';

const json = apiRoute(getInvoiceOperation, ({ db, params }) => getInvoiceDetail(db, params.id));

const pdf = apiRoute(getInvoicePdfOperation, async ({ db, params }) => {
  const { number, pdf: bytes } = await getInvoicePdf(db, params.id);
  return new Response(Buffer.from(bytes), {
    headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${number}.pdf"`, 'cache-control': 'no-store' },
  });
});

type Context = { params: Promise<Record<string, string | string[]>> };

/** /api/v1/invoices/{id} answers JSON, /api/v1/invoices/{id}.pdf the PDF (one dynamic segment serves both). */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { id } = (await context.params) as { id: string };
  if (!id.endsWith('.pdf')) return json(request, context);
  return pdf(request, { params: Promise.resolve({ id: id.slice(0, -'.pdf'.length) }) });
}
