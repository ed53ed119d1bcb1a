import { desc } from 'drizzle-orm';
import type { Db } from '../client';
import { serviceHeartbeats } from '../schema';

export async function upsertServiceHeartbeat(
  db: Db,
  beat: { serviceId: string; kind: string; startedAt: Date; at: Date; info?: Record<string, unknown> },
): Promise<void> {
  const values = { serviceId: beat.serviceId, kind: beat.kind, startedAt: beat.startedAt, beatAt: beat.at, info: beat.info ?? {} };
  await db
    .insert(serviceHeartbeats)
    .values(values)
    .onConflictDoUpdate({ target: serviceHeartbeats.serviceId, set: { beatAt: values.beatAt, info: values.info, startedAt: values.startedAt } });
}

export function listServiceHeartbeats(db: Db) {
  return db.select().from(serviceHeartbeats).orderBy(desc(serviceHeartbeats.beatAt));
}
