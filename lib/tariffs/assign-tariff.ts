import type { Db } from '../db/client';
import { getSiteById, listExistingStationIds } from '../db/queries/sites';
import { closeAssignment, getTariffById, insertAssignment, listOpenAssignments, lockOpenAssignment, type AssignmentTarget } from '../db/queries/tariffs';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { badRequest, notFound } from '../errors';
import type { AssignmentBody } from './schemas';
import { assignmentView, type AssignmentView } from './tariff-resource';

export function assignmentTarget(body: AssignmentBody): AssignmentTarget {
  if (body.siteId) return { scope: 'site', siteId: body.siteId, stationId: null, connectorId: null };
  if (body.connectorId !== undefined) return { scope: 'connector', siteId: null, stationId: body.stationId!, connectorId: body.connectorId };
  return { scope: 'station', siteId: null, stationId: body.stationId!, connectorId: null };
}

/**
 * Applies the tariff to a site, a station or one connector of a station. A target has one tariff at
 * a time: another tariff's assignment there is closed (kept as history). Assigning the same tariff
 * again changes nothing.
 */
export async function assignTariff(db: Db, actor: Actor, tariffId: string, body: AssignmentBody, now = new Date()): Promise<AssignmentView> {
  const target = assignmentTarget(body);
  const id = await db.transaction(async (tx) => {
    if (!(await getTariffById(tx, tariffId))) throw notFound('Tariff not found');
    if (target.siteId && !(await getSiteById(tx, target.siteId))) throw badRequest('siteId: no such site', 'siteId');
    if (target.stationId && (await listExistingStationIds(tx, [target.stationId])).size === 0) {
      throw badRequest(`stationId: no station ${target.stationId}`, 'stationId');
    }
    const open = await lockOpenAssignment(tx, target);
    if (open?.tariffId === tariffId) return open.id;
    if (open) await closeAssignment(tx, open.id, now, actor.label);
    const assignment = await insertAssignment(tx, { ...target, tariffId, createdAt: now, createdBy: actor.label });
    await recordAudit(tx, actor, {
      action: 'tariff.assign',
      targetType: 'tariff',
      targetId: tariffId,
      before: open ? { replacedAssignmentId: open.id, tariffId: open.tariffId } : null,
      after: { assignmentId: assignment.id, ...target },
    });
    return assignment.id;
  });
  const assignment = (await listOpenAssignments(db, tariffId)).find((row) => row.id === id)!;
  return assignmentView(assignment);
}
