import { requireRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { listDrivers } from '@/lib/db/queries/drivers';
import { listIdTags, listSiteNames } from '@/lib/db/queries/id-tags';
import { driversToCsv } from '@/lib/drivers/driver-csv';
import { idTagsToCsv } from '@/lib/id-tags/id-tag-csv';

const EVERYTHING = 1_000_000;

/** GET /drivers/csv/drivers and /drivers/csv/id-tags: the whole list as a CSV download, in the import's columns. */
export async function GET(_request: Request, { params }: { params: Promise<{ kind: string }> }) {
  await requireRole('viewer');
  const { kind } = await params;
  const db = getDb();
  let csv: string;
  if (kind === 'drivers') csv = driversToCsv((await listDrivers(db, { limit: EVERYTHING })).rows);
  else if (kind === 'id-tags') {
    const [{ rows }, sites] = await Promise.all([listIdTags(db, { limit: EVERYTHING }), listSiteNames(db)]);
    csv = idTagsToCsv(rows, new Map(sites.map((site) => [site.id, site.name])));
  } else return new Response('Not found', { status: 404 });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${kind}-${day}.csv"`, 'cache-control': 'no-store' },
  });
}
