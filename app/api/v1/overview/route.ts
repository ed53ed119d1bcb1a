import { apiRoute } from '@/lib/api/api-route';
import { getOverviewOperation } from '@/lib/api/contracts/stations';
import { getOverview } from '@/lib/dashboard/get-overview';

export const GET = apiRoute(getOverviewOperation, ({ db }) => getOverview(db));
