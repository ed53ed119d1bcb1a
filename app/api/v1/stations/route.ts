import { apiRoute } from '@/lib/api/api-route';
import { listStationsOperation } from '@/lib/api/contracts/stations';
import { listStations, listStationVendorsAndModels } from '@/lib/db/queries/station-list';
import { listSiteNames } from '@/lib/db/queries/sites';

export const GET = apiRoute(listStationsOperation, async ({ db, query }) => {
  const [{ rows, total }, facets, sites] = await Promise.all([listStations(db, query), listStationVendorsAndModels(db), listSiteNames(db)]);
  return { data: rows, total, ...facets, sites };
});
