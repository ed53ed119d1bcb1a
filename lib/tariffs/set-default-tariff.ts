import type { Db } from '../db/client';
import { clearDefaultTariffFlag, closeAssignment, insertAssignment, lockOpenAssignment, updateTariffRow } from '../db/queries/tariffs';
import type { Actor } from '../auth/roles';

const DEFAULT_TARGET = { scope: 'default', siteId: null, stationId: null, connectorId: null } as const;

/**
 * Makes a tariff the default (or stops it being one). The flag on `tariffs` is for listing; the
 * history lives in `default`-scope assignments, so the default in force at any past instant is known.
 * Runs inside the caller's transaction.
 */
export async function setDefaultTariff(tx: Db, actor: Actor, tariffId: string, isDefault: boolean, now: Date): Promise<void> {
  const open = await lockOpenAssignment(tx, DEFAULT_TARGET);
  if (isDefault) {
    if (open?.tariffId === tariffId) return;
    if (open) await closeAssignment(tx, open.id, now, actor.label);
    await clearDefaultTariffFlag(tx, now);
    await updateTariffRow(tx, tariffId, { isDefault: true }, now);
    await insertAssignment(tx, { ...DEFAULT_TARGET, tariffId, createdAt: now, createdBy: actor.label });
  } else if (open?.tariffId === tariffId) {
    await closeAssignment(tx, open.id, now, actor.label);
    await updateTariffRow(tx, tariffId, { isDefault: false }, now);
  }
}
