import { getStationById } from '@/lib/db/queries/stations';
import { notFound } from '@/lib/errors';
import { apiRoute } from '@/lib/api/api-route';
import { listSecurityEventsOperation } from '@/lib/api/contracts/security';
import { listSecurityEvents } from '@/lib/db/queries/security-events';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(listSecurityEventsOperation, async ({ db, params, query }) => {
  if (!(await getStationById(db, params.stationId))) throw notFound(`Station ${params.stationId} is not registered`);
  return {
    data: (await listSecurityEvents(db, params.stationId, query.limit)).map((event) => ({
      id: event.id,
      type: event.type,
      critical: event.critical,
      techInfo: event.techInfo,
      occurredAt: event.occurredAt.toISOString(),
      receivedAt: event.receivedAt.toISOString(),
    })),
  };
});
