import { apiRoute, requireActor } from '@/lib/api/api-route';
import { resolveAlertOperation } from '@/lib/api/contracts/alerts';
import { handleAlert } from '@/lib/alerts/handle-alert';

export const POST = apiRoute(resolveAlertOperation, ({ db, actor, params }) => handleAlert(db, requireActor(actor), params.id, 'resolve'));
