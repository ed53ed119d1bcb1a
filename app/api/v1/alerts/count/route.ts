import { apiRoute } from '@/lib/api/api-route';
import { countAlertsOperation } from '@/lib/api/contracts/alerts';
import { countOpenAlerts } from '@/lib/db/queries/alerts';

export const GET = apiRoute(countAlertsOperation, ({ db }) => countOpenAlerts(db));
