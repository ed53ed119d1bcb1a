import { Readable } from 'node:stream';
import { apiRoute } from '@/lib/api/api-route';
import { downloadFirmwareOperation } from '@/lib/api/contracts/firmware';
import { takeFirmwareDownload } from '@/lib/db/queries/firmware';
import { hashUploadToken } from '@/lib/diagnostics/upload-token';
import { notFound } from '@/lib/errors';
import { getObjectStorage } from '@/lib/storage/object-storage-from-env';

export const dynamic = 'force-dynamic';

/** The UpdateFirmware location (OCPP 1.6 §5.19): a station fetches its firmware here with the token it was given. */
export const GET = apiRoute(downloadFirmwareOperation, async ({ db, params }) => {
  const found = await takeFirmwareDownload(db, hashUploadToken(params.token));
  if (!found) throw notFound('Unknown or expired firmware download URL');
  const stored = await getObjectStorage().get(found.image.storagePath);
  if (!stored) throw notFound('The firmware file is no longer in storage');
  return new Response(Readable.toWeb(stored.body) as ReadableStream<Uint8Array>, {
    headers: {
      'content-type': 'application/octet-stream',
      'content-length': String(stored.sizeBytes),
      'content-disposition': `attachment; filename="${found.image.fileName}"`,
      'x-checksum-sha256': found.image.sha256,
    },
  });
});
