import type { Actor } from '../auth/roles';
import type { Db } from '../db/client';
import { listTariffRows } from '../db/queries/tariffs';
import { createTariff } from '../tariffs/create-tariff';

export const DEMO_TARIFF_NAME = 'Demo: €0.35/kWh + €0.10/min idle';

/**
 * A default tariff for a fresh demo, so the simulator's sessions show a cost: energy at €0.35/kWh
 * net and idle time (connected, not charging) at €0.10/min, 19 % VAT. Only when the system has no
 * tariff at all: an operator's own tariffs are never touched. Returns whether it was created.
 */
export async function seedDemoTariff(db: Db, actor: Actor): Promise<boolean> {
  if ((await listTariffRows(db)).length > 0) return false;
  await createTariff(db, actor, {
    name: DEMO_TARIFF_NAME,
    isDefault: true,
    tariff: {
      currency: 'EUR',
      elements: [
        {
          price_components: [
            { type: 'ENERGY', price: 0.35, vat: 19, step_size: 1 },
            { type: 'PARKING_TIME', price: 6, vat: 19, step_size: 60 },
          ],
        },
      ],
    },
  });
  return true;
}
