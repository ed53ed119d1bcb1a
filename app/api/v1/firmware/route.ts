import { NextResponse } from 'next/server';
import { apiRoute, requireActor } from '@/lib/api/api-route';
import { listFirmwareOperation, uploadFirmwareOperation } from '@/lib/api/contracts/firmware';
import { listFirmwareImages } from '@/lib/db/queries/firmware';
import { getEnv } from '@/lib/env';
import { firmwareView } from '@/lib/firmware/campaign-view';
import { storeFirmwareImage } from '@/lib/firmware/store-firmware-image';
import { getObjectStorage } from '@/lib/storage/object-storage-from-env';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(listFirmwareOperation, async ({ db }) => ({ data: (await listFirmwareImages(db)).map(firmwareView) }));

export const POST = apiRoute(uploadFirmwareOperation, async ({ db, actor, request, query }) => {
  const length = Number(request.headers.get('content-length') ?? NaN);
  const image = await storeFirmwareImage(db, requireActor(actor), {
    ...query,
    body: request.body,
    declaredBytes: Number.isFinite(length) ? length : undefined,
    storage: getObjectStorage(),
    maxBytes: getEnv().FIRMWARE_MAX_BYTES,
  });
  return NextResponse.json(firmwareView(image), { status: 201 });
});
