import { getDb } from '@/lib/db/client';
import { listStickerConnectors } from '@/lib/db/queries/drivers';
import { connectorLink, connectorQrSvg } from '@/lib/drivers/connector-qr';

export const MAX_STICKERS = 2000;

/** The stickers of one station (or every station), each with its link and its QR code as SVG. */
export async function loadStickers(origin: string, stationId: string | undefined) {
  const connectors = (await listStickerConnectors(getDb(), stationId)).slice(0, MAX_STICKERS);
  return Promise.all(
    connectors.map(async ({ stationId: station, connectorId }) => {
      const link = connectorLink(origin, station, connectorId);
      return { stationId: station, connectorId, link, svg: await connectorQrSvg(link) };
    }),
  );
}
