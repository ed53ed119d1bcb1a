import fs from 'node:fs';
import { Readable } from 'node:stream';
import { apiRoute } from '@/lib/api/api-route';
import { downloadDiagnosticsOperation } from '@/lib/api/contracts/diagnostics';
import { getDiagnosticsFile } from '@/lib/db/queries/diagnostics';
import { resolveStored } from '@/lib/diagnostics/diagnostics-storage';
import { getEnv } from '@/lib/env';
import { notFound } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(downloadDiagnosticsOperation, async ({ db, params }) => {
  const file = await getDiagnosticsFile(db, params.id);
  if (!file?.storagePath || !file.uploadedAt) throw notFound('No uploaded diagnostics file with this id');
  const stream = Readable.toWeb(fs.createReadStream(resolveStored(getEnv().dataDir, file.storagePath))) as ReadableStream<Uint8Array>;
  return new Response(stream, {
    headers: {
      'content-type': 'application/octet-stream',
      'content-length': String(file.sizeBytes ?? ''),
      'content-disposition': `attachment; filename="${file.fileName ?? `diagnostics-${file.id}.log`}"`,
    },
  });
});
