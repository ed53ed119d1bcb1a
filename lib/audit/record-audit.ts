import type { Db } from '../db/client';
import { insertAuditEntry } from '../db/queries/audit-log';
import type { Actor } from '../auth/roles';

export interface AuditEvent {
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  result?: 'success' | 'failure';
  detail?: string;
}

/** One row per change: who (operator, token or system), what, on which target, before/after, result. */
export async function recordAudit(db: Db, actor: Actor, event: AuditEvent): Promise<void> {
  await insertAuditEntry(db, {
    actorType: actor.type,
    actorId: actor.id,
    actorLabel: actor.label,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
    result: event.result ?? 'success',
    detail: event.detail ?? null,
  });
}
