import { apiRoute } from '@/lib/api/api-route';
import { listAlertsOperation } from '@/lib/api/contracts/alerts';
import { listAlerts } from '@/lib/db/queries/alerts';

export const GET = apiRoute(listAlertsOperation, async ({ db, query }) => ({ data: await listAlerts(db, query) }));
