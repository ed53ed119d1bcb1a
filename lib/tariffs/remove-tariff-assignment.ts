import type { Db } from '../db/client';
import { closeAssignment, getAssignmentById, updateTariffRow } from '../db/queries/tariffs';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { notFound } from '../errors';

/**
 * Ends an assignment (removed_at): it stays in the history that prices sessions started while it
 * was open. Ending the `default` one leaves no default tariff. Ending it twice changes nothing.
 */
export async function removeTariffAssignment(db: Db, actor: Actor, tariffId: string, assignmentId: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const assignment = await getAssignmentById(tx, assignmentId);
    if (!assignment || assignment.tariffId !== tariffId) throw notFound('No such assignment of this tariff');
    if (assignment.removedAt) return;
    await closeAssignment(tx, assignmentId, now, actor.label);
    if (assignment.scope === 'default') await updateTariffRow(tx, tariffId, { isDefault: false }, now);
    const { scope, siteId, stationId, connectorId } = assignment;
    await recordAudit(tx, actor, { action: 'tariff.unassign', targetType: 'tariff', targetId: tariffId, before: { assignmentId, scope, siteId, stationId, connectorId } });
  });
}
