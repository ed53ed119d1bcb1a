import fs from 'node:fs';
import { Readable } from 'node:stream';
import { apiRoute } from '@/lib/api/api-route';
import { downloadFirmwareOperation } from '@/lib/api/contracts/firmware';
import { takeFirmwareDownload } from '@/lib/db/queries/firmware';
import { resolveStored } from '@/lib/diagnostics/diagnostics-storage';
import { hashUploadToken } from '@/lib/diagnostics/upload-token';
import { getEnv } from '@/lib/env';
import { notFound } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** The UpdateFirmware location (OCPP 1.6 §5.19): a station fetches its firmware here with the token it was given. */
export const GET = apiRoute(downloadFirmwareOperation, async ({ db, params }) => {
  const found = await takeFirmwareDownload(db, hashUploadToken(params.token));
  if (!found) throw notFound('Unknown or expired firmware download URL');
  const stream = Readable.toWeb(fs.createReadStream(resolveStored(getEnv().dataDir, found.image.storagePath))) as ReadableStream<Uint8Array>;
  return new Response(stream, {
    headers: {
      'content-type': 'application/octet-stream',
      'content-length': String(found.image.sizeBytes),
      'content-disposition': `attachment; filename="${found.image.fileName}"`,
      'x-checksum-sha256': found.image.sha256,
    },
  });
});
