import { apiRoute, requireActor } from '@/lib/api/api-route';
import { assignSiteStationsOperation } from '@/lib/api/contracts/sites';
import { assignSiteStations } from '@/lib/sites/assign-site-stations';

export const PUT = apiRoute(assignSiteStationsOperation, async ({ db, actor, params, body }) => ({
  data: await assignSiteStations(db, requireActor(actor), params.id, body.stationIds),
}));
