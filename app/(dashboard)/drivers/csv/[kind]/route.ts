import { requireRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { csvFileName, exportCsv } from '@/lib/drivers/csv-transfer';

/** GET /drivers/csv/drivers and /drivers/csv/id-tags: the whole list as a CSV download, in the import's columns. */
export async function GET(_request: Request, { params }: { params: Promise<{ kind: string }> }) {
  await requireRole('viewer');
  const { kind } = await params;
  if (kind !== 'drivers' && kind !== 'id-tags') return new Response('Not found', { status: 404 });
  return new Response(await exportCsv(getDb(), kind), {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${csvFileName(kind)}"`, 'cache-control': 'no-store' },
  });
}
