import { desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { certificateSigningRequests, securityEvents } from '../schema';

export async function insertSecurityEvent(db: Db, event: typeof securityEvents.$inferInsert) {
  const [row] = await db.insert(securityEvents).values(event).returning();
  return row!;
}

/** Newest first, by the station's own timestamp. */
export function listSecurityEvents(db: Db, stationId: string, limit = 100) {
  return db
    .select()
    .from(securityEvents)
    .where(eq(securityEvents.stationId, stationId))
    .orderBy(desc(securityEvents.occurredAt), desc(securityEvents.id))
    .limit(limit);
}

export async function insertCertificateSigningRequest(db: Db, request: typeof certificateSigningRequests.$inferInsert) {
  const [row] = await db.insert(certificateSigningRequests).values(request).returning();
  return row!;
}

export function listCertificateSigningRequests(db: Db, stationId: string, limit = 20) {
  return db
    .select()
    .from(certificateSigningRequests)
    .where(eq(certificateSigningRequests.stationId, stationId))
    .orderBy(desc(certificateSigningRequests.receivedAt), desc(certificateSigningRequests.id))
    .limit(limit);
}
