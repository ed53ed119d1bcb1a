import { apiRoute, requireActor } from '@/lib/api/api-route';
import { assignTariffOperation } from '@/lib/api/contracts/tariffs';
import { assignTariff } from '@/lib/tariffs/assign-tariff';

export const POST = apiRoute(assignTariffOperation, ({ db, actor, params, body }) => assignTariff(db, requireActor(actor), params.id, body));
