import type { Db } from '../db/client';
import type { Alert } from '../db/schema';
import { acknowledgeAlert as acknowledgeRow, getAlertById, resolveAlerts } from '../db/queries/alerts';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { notFound } from '../errors';

/** Acknowledge or resolve an alert by hand; audited with who and when. Repeating it changes nothing. */
export async function handleAlert(db: Db, actor: Actor, id: number, action: 'acknowledge' | 'resolve', now: Date = new Date()): Promise<Alert> {
  const before = await getAlertById(db, id);
  if (!before) throw notFound('Alert not found');
  if (action === 'acknowledge') await acknowledgeRow(db, id, { at: now, by: actor.label });
  else await resolveAlerts(db, [id], { at: now, by: actor.label });
  const after = (await getAlertById(db, id))!;
  await recordAudit(db, actor, {
    action: `alert.${action}`,
    targetType: 'alert',
    targetId: String(id),
    before: { acknowledgedAt: before.acknowledgedAt, resolvedAt: before.resolvedAt },
    after: { acknowledgedAt: after.acknowledgedAt, resolvedAt: after.resolvedAt },
  });
  return after;
}
