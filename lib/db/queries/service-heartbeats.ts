import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { commands, serviceHeartbeats, stations } from '../schema';

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

/**
 * OCPP nodes that still hold online stations or open commands but whose heartbeat row is older
 * than `staleAfterMs` by the database clock (a node killed with -9 stops writing it). A node with
 * no heartbeat row at all is not judged: only a row that stopped moving proves a death.
 */
export async function listDeadOcppNodes(db: Db, input: { staleAfterMs: number; exceptNodeId?: string }): Promise<string[]> {
  const rows = await db.execute<{ node_id: string }>(sql`
    select held.node_id from (
      select node_id from ${stations} where online and node_id is not null
      union select node_id from ${commands} where state in ('queued', 'sending') and node_id is not null
    ) held
    join ${serviceHeartbeats} h on h.service_id = 'ocpp:' || held.node_id
    where h.beat_at < now() - make_interval(secs => ${input.staleAfterMs / 1000})
      and held.node_id is distinct from ${input.exceptNodeId ?? null}`);
  return rows.map((row) => row.node_id);
}

/** False only when the node's heartbeat row exists and is older than `staleAfterMs` (database clock). */
export async function isOcppNodeAlive(db: Db, input: { nodeId: string; staleAfterMs: number }): Promise<boolean> {
  const [row] = await db
    .select({ stale: sql<boolean>`${serviceHeartbeats.beatAt} < now() - make_interval(secs => ${input.staleAfterMs / 1000})` })
    .from(serviceHeartbeats)
    .where(eq(serviceHeartbeats.serviceId, `ocpp:${input.nodeId}`));
  return !row?.stale;
}
