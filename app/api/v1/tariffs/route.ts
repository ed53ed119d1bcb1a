import { apiRoute, requireActor } from '@/lib/api/api-route';
import { createTariffOperation, listTariffsOperation } from '@/lib/api/contracts/tariffs';
import { createTariff } from '@/lib/tariffs/create-tariff';
import { listTariffs } from '@/lib/tariffs/get-tariff';

export const GET = apiRoute(listTariffsOperation, async ({ db }) => ({ data: await listTariffs(db) }));

export const POST = apiRoute(createTariffOperation, ({ db, actor, body }) => {
  const { name, is_default: isDefault, ...tariff } = body;
  return createTariff(db, requireActor(actor), { name, isDefault, tariff });
});
