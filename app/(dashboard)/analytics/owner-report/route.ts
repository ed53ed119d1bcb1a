import { z } from 'zod';
import { buildOwnerReportPdf } from '@/lib/analytics/owner-report-pdf';
import { requireRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { getSiteById } from '@/lib/db/queries/sites';

const query = z.object({ siteId: z.uuid(), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) });

/** GET /analytics/owner-report?siteId=&month=YYYY-MM: the site's monthly owner report as a PDF. */
export async function GET(request: Request) {
  await requireRole('viewer');
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return new Response('siteId and month (YYYY-MM) are required', { status: 400 });
  const db = getDb();
  const site = await getSiteById(db, parsed.data.siteId);
  if (!site) return new Response('No such site', { status: 404 });
  const pdf = await buildOwnerReportPdf(db, { siteId: site.id, siteName: site.name, timeZone: site.timeZone, month: parsed.data.month });
  return new Response(Buffer.from(pdf), {
    headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="owner-report-${parsed.data.month}.pdf"`, 'cache-control': 'no-store' },
  });
}
