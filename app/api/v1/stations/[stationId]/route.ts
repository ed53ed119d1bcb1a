import { apiRoute } from '@/lib/api/api-route';
import { getStationOperation } from '@/lib/api/contracts/stations';
import { getStationDetail } from '@/lib/dashboard/get-station-detail';

export const GET = apiRoute(getStationOperation, ({ db, params }) => getStationDetail(db, params.stationId));
