import { apiRoute, requireActor } from '@/lib/api/api-route';
import { exportDriversCsvOperation, importDriversCsvOperation } from '@/lib/api/contracts/csv';
import { csvDownload, csvUpload } from '@/lib/api/csv-route';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(exportDriversCsvOperation, ({ db }) => csvDownload(db, 'drivers'));
export const POST = apiRoute(importDriversCsvOperation, ({ db, actor, request }) => csvUpload(db, requireActor(actor), 'drivers', request));
