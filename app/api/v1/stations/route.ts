import { apiRoute } from '@/lib/api/api-route';
import { listStationsOperation } from '@/lib/api/contracts/stations';
import { listStations, listStationVendorsAndModels } from '@/lib/db/queries/station-list';

export const GET = apiRoute(listStationsOperation, async ({ db, query }) => {
  const [{ rows, total }, facets] = await Promise.all([listStations(db, query), listStationVendorsAndModels(db)]);
  return { data: rows, total, ...facets };
});
