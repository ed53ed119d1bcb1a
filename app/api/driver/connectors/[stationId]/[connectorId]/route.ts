import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db/client';
import { getDriverConnectorView } from '@/lib/driver-portal/connector-view';
import { getSessionDriver } from '@/lib/driver-portal/driver-session';

export const dynamic = 'force-dynamic';

/**
 * What the connector page polls: status, price, and the signed-in driver's own session there.
 * Public for status and price (the QR code is on a public station); the session needs the driver's cookie.
 */
export async function GET(_request: Request, context: { params: Promise<{ stationId: string; connectorId: string }> }) {
  const { stationId, connectorId } = await context.params;
  const driver = await getSessionDriver();
  const view = /^\d{1,4}$/.test(connectorId)
    ? await getDriverConnectorView(getDb(), { stationId: decodeURIComponent(stationId), connectorId: Number(connectorId), driverId: driver?.id ?? null, now: new Date() })
    : undefined;
  if (!view) return NextResponse.json({ error: { code: 'not_found', message: 'No such connector' } }, { status: 404 });
  return NextResponse.json(view, { headers: { 'cache-control': 'no-store' } });
}
