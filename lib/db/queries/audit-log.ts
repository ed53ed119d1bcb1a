import { and, desc, eq, gte, ilike, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { auditLog, type AuditEntry } from '../schema';

export type NewAuditEntry = typeof auditLog.$inferInsert;

export async function insertAuditEntry(db: Db, entry: NewAuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry);
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  targetType?: string;
  from?: Date;
  to?: Date;
  limit?: number;
}

export function listAuditEntries(db: Db, filter: AuditFilter = {}): Promise<AuditEntry[]> {
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(ilike(auditLog.action, `${filter.action}%`));
  if (filter.actor) conditions.push(ilike(auditLog.actorLabel, `%${filter.actor}%`));
  if (filter.targetType) conditions.push(eq(auditLog.targetType, filter.targetType));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lte(auditLog.at, filter.to));
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(filter.limit ?? 200);
}
