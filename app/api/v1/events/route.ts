import { apiRoute } from '@/lib/api/api-route';
import { streamEventsOperation } from '@/lib/api/contracts/events';
import { getEventJournal } from '@/lib/live/get-event-journal';
import { getStationSiteIndex } from '@/lib/live/get-station-site-index';
import { eventMatcher } from '@/lib/live/event-matcher';
import { createSseStream, SSE_HEADERS } from '@/lib/live/sse-stream';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(streamEventsOperation, async ({ request, query }) => {
  const sites = query.siteId ? getStationSiteIndex() : null;
  await sites?.ready();
  const stream = createSseStream({
    journal: getEventJournal(),
    lastEventId: request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('lastEventId'),
    matches: eventMatcher({ stationIds: query.stationId, siteIds: query.siteId, siteOf: (stationId) => sites?.siteOf(stationId) }),
    signal: request.signal,
  });
  return new Response(stream, { headers: SSE_HEADERS });
});
