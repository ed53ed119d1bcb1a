import { apiRoute, requireActor } from '@/lib/api/api-route';
import { exportIdTagsCsvOperation, importIdTagsCsvOperation } from '@/lib/api/contracts/csv';
import { csvDownload, csvUpload } from '@/lib/api/csv-route';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(exportIdTagsCsvOperation, ({ db }) => csvDownload(db, 'id-tags'));
export const POST = apiRoute(importIdTagsCsvOperation, ({ db, actor, request }) => csvUpload(db, requireActor(actor), 'id-tags', request));
