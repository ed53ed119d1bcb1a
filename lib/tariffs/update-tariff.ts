import { isDeepStrictEqual } from 'node:util';
import type { Db } from '../db/client';
import { getLatestTariffVersion, getTariffByName, insertTariffVersion, lockTariff, updateTariffRow } from '../db/queries/tariffs';
import type { TariffVersionRow } from '../db/schema';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { badRequest, conflict, notFound } from '../errors';
import { tariffSchema, type Tariff } from '../pricing';
import { getTariffDetail } from './get-tariff';
import { setDefaultTariff } from './set-default-tariff';
import type { TariffResource } from './tariff-resource';

export interface UpdateTariffInput {
  name?: string;
  isDefault?: boolean;
  /** Top-level OCPI keys replacing the current version's; null removes an optional key. */
  ocpi: Record<string, unknown>;
}

/** The current version with the patch applied, checked as a whole; a 400 names the first bad field. */
function patchedTariff(current: Tariff, patch: Record<string, unknown>): Tariff {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else if (value !== undefined) merged[key] = value;
  }
  const parsed = tariffSchema.safeParse(merged);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  throw badRequest(field ? `${field}: ${issue.message}` : issue.message, field || undefined);
}

/**
 * Renames, (un)sets the default, and — when the prices change — adds a version. Versions are never
 * rewritten: sessions that started under an earlier version keep it.
 */
export async function updateTariff(db: Db, actor: Actor, id: string, input: UpdateTariffInput, now = new Date()): Promise<TariffResource> {
  const { id: _id, last_updated: _lastUpdated, ...ocpi } = input.ocpi;
  void _id;
  void _lastUpdated;
  await db.transaction(async (tx) => {
    const before = await lockTariff(tx, id);
    if (!before) throw notFound('Tariff not found');
    const current = (await getLatestTariffVersion(tx, id))!;
    let version: TariffVersionRow = current;
    if (Object.keys(ocpi).length > 0) {
      const tariff = patchedTariff(current.tariff, ocpi);
      if (!isDeepStrictEqual(tariff, current.tariff)) {
        version = await insertTariffVersion(tx, { tariffId: id, version: current.version + 1, tariff, createdAt: now, createdBy: actor.label });
      }
    }
    if (input.name !== undefined && input.name !== before.name) {
      const named = await getTariffByName(tx, input.name);
      if (named && named.id !== id) throw conflict('name_taken', 'A tariff with this name already exists', 'name');
    }
    const name = input.name ?? before.name;
    const isDefault = input.isDefault ?? before.isDefault;
    if (name === before.name && version === current && isDefault === before.isDefault) return;
    if (name !== before.name || version !== current) await updateTariffRow(tx, id, { name, currency: version.tariff.currency }, now);
    if (isDefault !== before.isDefault) await setDefaultTariff(tx, actor, id, isDefault, now);
    await recordAudit(tx, actor, {
      action: 'tariff.update',
      targetType: 'tariff',
      targetId: id,
      before: { name: before.name, isDefault: before.isDefault, version: current.version },
      after: { name, isDefault, version: version.version, ...(version !== current ? { tariff: version.tariff } : {}) },
    });
  });
  return getTariffDetail(db, id);
}
