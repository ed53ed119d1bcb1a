import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db/client';
import { driverEventMatcher } from '@/lib/driver-portal/driver-events';
import { getRequestDriver } from '@/lib/driver-portal/request-driver';
import { getEventJournal } from '@/lib/live/get-event-journal';
import { createSseStream, SSE_HEADERS } from '@/lib/live/sse-stream';

export const dynamic = 'force-dynamic';

/**
 * The driver's live stream (text/event-stream): events of their own transactions, plus the status of
 * the connector named by `?stationId=&connectorId=` (the page they have open). Driver cookie required.
 */
export async function GET(request: Request) {
  const db = getDb();
  const driver = await getRequestDriver(db, request);
  if (!driver) return NextResponse.json({ error: { code: 'unauthorized', message: 'Sign in to the driver portal first' } }, { status: 401 });
  const params = new URL(request.url).searchParams;
  const stationId = params.get('stationId');
  const connectorId = Number(params.get('connectorId'));
  const watch = stationId && stationId.length <= 48 && Number.isInteger(connectorId) && connectorId >= 1 ? { stationId, connectorId } : null;
  const stream = createSseStream({
    journal: getEventJournal(),
    lastEventId: request.headers.get('last-event-id') ?? params.get('lastEventId'),
    matches: driverEventMatcher(db, driver.id, watch),
    signal: request.signal,
  });
  return new Response(stream, { headers: SSE_HEADERS });
}
