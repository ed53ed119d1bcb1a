import { apiRoute, requireActor } from '@/lib/api/api-route';
import { acknowledgeAlertOperation } from '@/lib/api/contracts/alerts';
import { handleAlert } from '@/lib/alerts/handle-alert';

export const POST = apiRoute(acknowledgeAlertOperation, ({ db, actor, params }) => handleAlert(db, requireActor(actor), params.id, 'acknowledge'));
