import { apiRoute, requireActor } from '@/lib/api/api-route';
import { getTariffOperation, updateTariffOperation } from '@/lib/api/contracts/tariffs';
import { getTariffDetail } from '@/lib/tariffs/get-tariff';
import { ocpiPart, type UpdateTariffBody } from '@/lib/tariffs/schemas';
import { updateTariff } from '@/lib/tariffs/update-tariff';

export const GET = apiRoute(getTariffOperation, ({ db, params }) => getTariffDetail(db, params.id));

export const PATCH = apiRoute(updateTariffOperation, ({ db, actor, params, body }) => {
  const patch = body as UpdateTariffBody;
  return updateTariff(db, requireActor(actor), params.id, { name: patch.name, isDefault: patch.is_default, ocpi: ocpiPart(patch) });
});
