import { apiRoute } from '@/lib/api/api-route';
import { streamEventsOperation } from '@/lib/api/contracts/events';
import { getEventJournal } from '@/lib/live/get-event-journal';
import { createSseStream, SSE_HEADERS } from '@/lib/live/sse-stream';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(streamEventsOperation, async ({ request, query }) => {
  const stations = query.stationId ? new Set(query.stationId) : null;
  const stream = createSseStream({
    journal: getEventJournal(),
    lastEventId: request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('lastEventId'),
    // message.logged comes for every frame of every station: only to streams watching named stations (the inspector).
    matches: (event) => (stations ? 'stationId' in event && stations.has(event.stationId) : event.kind !== 'message.logged'),
    signal: request.signal,
  });
  return new Response(stream, { headers: SSE_HEADERS });
});
