import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { stationConnections } from '../schema';

export interface NewConnection {
  stationId: string;
  nodeId: string;
  protocol: string;
  remoteAddress: string | null;
  connectedAt: Date;
}

/** Opens history rows for many connections at once; ids come back in the order given. */
export async function insertStationConnections(db: Db, rows: NewConnection[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const json = JSON.stringify(
    rows.map((r, idx) => ({ idx, station_id: r.stationId, node_id: r.nodeId, protocol: r.protocol, remote_address: r.remoteAddress, at: r.connectedAt.toISOString() })),
  );
  // Rows are inserted in idx order, so the bigserial ids ascend with it.
  const inserted = await db.execute<{ id: string }>(sql`
    insert into ${stationConnections} (station_id, node_id, protocol, remote_address, connected_at)
    select station_id, node_id, protocol, remote_address, at
    from json_to_recordset(${json}::json) as r(idx int, station_id text, node_id text, protocol text, remote_address text, at timestamptz)
    order by idx
    returning id`);
  return inserted.map((row) => Number(row.id)).sort((a, b) => a - b);
}

export interface ClosedConnection {
  id: number;
  disconnectedAt: Date;
  closeCode: number | null;
  closeReason: string | null;
}

export async function closeStationConnections(db: Db, rows: ClosedConnection[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((r) => ({ id: r.id, at: r.disconnectedAt.toISOString(), code: r.closeCode, reason: r.closeReason })));
  await db.execute(sql`
    update ${stationConnections} c set disconnected_at = v.at, close_code = v.code, close_reason = v.reason
    from jsonb_to_recordset(${json}::jsonb) as v(id bigint, at timestamptz, code int, reason text)
    where c.id = v.id and c.disconnected_at is null`);
}

/** Closes every history row a node left open (crash recovery, shutdown). */
export async function closeNodeConnections(db: Db, input: { nodeId: string; at: Date; reason: string; closeCode?: number }): Promise<void> {
  await db
    .update(stationConnections)
    .set({ disconnectedAt: input.at, closeReason: input.reason, closeCode: input.closeCode ?? null })
    .where(and(eq(stationConnections.nodeId, input.nodeId), isNull(stationConnections.disconnectedAt)));
}

export function listStationConnections(db: Db, stationIds: string[], limit = 100) {
  return db
    .select()
    .from(stationConnections)
    .where(inArray(stationConnections.stationId, stationIds))
    .orderBy(desc(stationConnections.connectedAt), desc(stationConnections.id))
    .limit(limit);
}
