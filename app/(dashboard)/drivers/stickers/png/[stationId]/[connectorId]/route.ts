import { requireRole } from '@/lib/auth/session';
import { connectorLink, connectorQrPng, publicOrigin } from '@/lib/drivers/connector-qr';

/** One connector's QR code as a 600 px PNG (for a label printer or a sticker shop). */
export async function GET(request: Request, { params }: { params: Promise<{ stationId: string; connectorId: string }> }) {
  await requireRole('viewer');
  const { stationId, connectorId } = await params;
  if (!/^[1-9]\d{0,3}$/.test(connectorId) || !/^[\x21-\x7e]{1,48}$/.test(stationId)) return new Response('Not found', { status: 404 });
  const png = await connectorQrPng(connectorLink(publicOrigin(request.headers), stationId, Number(connectorId)));
  const name = `qr-${stationId.replace(/[^A-Za-z0-9._-]/g, '_')}-${connectorId}.png`;
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' } });
}
