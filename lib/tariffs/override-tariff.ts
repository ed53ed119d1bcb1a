import type { Db } from '../db/client';
import { getDriverById } from '../db/queries/drivers';
import { getIdTagByValue } from '../db/queries/id-tags';
import { getTariffById } from '../db/queries/tariffs';
import { closeOverride, insertOverride, lockOpenOverride, type OverrideTarget } from '../db/queries/tariff-overrides';
import type { TariffOverrideRow } from '../db/schema';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { badRequest, notFound } from '../errors';
import type { OverrideBody } from './schemas';

/**
 * Gives an id-tag group or a driver its own tariff, beating every assignment and the subscription
 * plan (order in resolveSessionTariff). Applies to sessions that start from now on; a target has
 * one override at a time (the previous one is closed, kept as history).
 */
export async function setTariffOverride(db: Db, actor: Actor, tariffId: string, body: OverrideBody, now = new Date()): Promise<TariffOverrideRow> {
  const target: OverrideTarget = body.idTag ? { kind: 'id_tag', idTag: body.idTag, driverId: null } : { kind: 'driver', idTag: null, driverId: body.driverId! };
  return db.transaction(async (tx) => {
    if (!(await getTariffById(tx, tariffId))) throw notFound('Tariff not found');
    if (target.idTag && !(await getIdTagByValue(tx, target.idTag))) throw badRequest(`idTag: no id tag ${target.idTag}`, 'idTag');
    if (target.driverId && !(await getDriverById(tx, target.driverId))) throw badRequest('driverId: no such driver', 'driverId');
    const open = await lockOpenOverride(tx, target);
    if (open?.tariffId === tariffId) return open;
    if (open) await closeOverride(tx, open.id, now, actor.label);
    const override = await insertOverride(tx, { ...target, tariffId, createdAt: now, createdBy: actor.label });
    await recordAudit(tx, actor, { action: 'tariff.override', targetType: 'tariff', targetId: tariffId, before: open ?? null, after: override });
    return override;
  });
}
