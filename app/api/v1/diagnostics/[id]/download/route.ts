import { Readable } from 'node:stream';
import { apiRoute } from '@/lib/api/api-route';
import { downloadDiagnosticsOperation } from '@/lib/api/contracts/diagnostics';
import { getDiagnosticsFile } from '@/lib/db/queries/diagnostics';
import { notFound } from '@/lib/errors';
import { getObjectStorage } from '@/lib/storage/object-storage-from-env';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(downloadDiagnosticsOperation, async ({ db, params }) => {
  const file = await getDiagnosticsFile(db, params.id);
  if (!file?.storagePath || !file.uploadedAt) throw notFound('No uploaded diagnostics file with this id');
  const stored = await getObjectStorage().get(file.storagePath);
  if (!stored) throw notFound('The diagnostics file is no longer in storage');
  return new Response(Readable.toWeb(stored.body) as ReadableStream<Uint8Array>, {
    headers: {
      'content-type': 'application/octet-stream',
      'content-length': String(stored.sizeBytes),
      'content-disposition': `attachment; filename="${file.fileName ?? `diagnostics-${file.id}.log`}"`,
    },
  });
});
