import { apiRoute } from '@/lib/api/api-route';
import { getFleetPowerOperation } from '@/lib/api/contracts/stations';
import { getFleetPowerHistory } from '@/lib/dashboard/fleet-power-history';

export const GET = apiRoute(getFleetPowerOperation, ({ db, query }) => getFleetPowerHistory(db, query.hours ?? 6));
