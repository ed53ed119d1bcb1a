import type { Db } from '../db/client';
import { getTariffByName, insertTariff, insertTariffVersion } from '../db/queries/tariffs';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { conflict } from '../errors';
import type { Tariff } from '../pricing';
import { getTariffDetail } from './get-tariff';
import { setDefaultTariff } from './set-default-tariff';
import type { TariffResource } from './tariff-resource';

export interface CreateTariffInput {
  name: string;
  isDefault?: boolean;
  /** Already validated by tariffSchema; `id` and `last_updated` are ours to set, so they are ignored. */
  tariff: Tariff;
}

/** A new tariff with its version 1; optionally the default. */
export async function createTariff(db: Db, actor: Actor, input: CreateTariffInput, now = new Date()): Promise<TariffResource> {
  const { id: _id, last_updated: _lastUpdated, ...tariff } = input.tariff;
  void _id;
  void _lastUpdated;
  const id = await db.transaction(async (tx) => {
    if (await getTariffByName(tx, input.name)) throw conflict('name_taken', 'A tariff with this name already exists', 'name');
    const row = await insertTariff(tx, { name: input.name, currency: tariff.currency, now });
    const version = await insertTariffVersion(tx, { tariffId: row.id, version: 1, tariff, createdAt: now, createdBy: actor.label });
    if (input.isDefault) await setDefaultTariff(tx, actor, row.id, true, now);
    await recordAudit(tx, actor, {
      action: 'tariff.create',
      targetType: 'tariff',
      targetId: row.id,
      after: { name: row.name, isDefault: input.isDefault ?? false, version: version.version, tariff },
    });
    return row.id;
  });
  return getTariffDetail(db, id);
}
