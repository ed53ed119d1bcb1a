import { apiRoute, requireActor } from '@/lib/api/api-route';
import { overrideTariffOperation } from '@/lib/api/contracts/tariffs';
import { setTariffOverride } from '@/lib/tariffs/override-tariff';

export const POST = apiRoute(overrideTariffOperation, async ({ db, actor, params, body }) => {
  const { removedAt: _removedAt, removedBy: _removedBy, ...override } = await setTariffOverride(db, requireActor(actor), params.id, body);
  return override;
});
