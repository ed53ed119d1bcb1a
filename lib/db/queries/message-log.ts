import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { ocppMessageLog, type MessageLogRow } from '../schema';

/** Many rows in one INSERT, as one JSON parameter (see insertMeterValues for why). */
export async function insertMessageLogRows(db: Db, rows: MessageLogRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into ${ocppMessageLog} (at, station_id, direction, message_type, message_id, action, frame, latency_ms, error_code)
    select at, "stationId", direction, "messageType", "messageId", action, frame, "latencyMs", "errorCode"
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(at timestamptz, "stationId" text, direction text, "messageType" smallint,
      "messageId" text, action text, frame text, "latencyMs" int, "errorCode" text)`);
}

/**
 * Deletes the oldest rows that are older than `before` or beyond the newest `maxRows`, at most
 * `chunk` ids at a time so a large backlog never holds one long transaction. Returns how many went.
 */
export async function pruneMessageLog(db: Db, input: { before: Date; maxRows: number; chunk?: number }): Promise<number> {
  const [bounds] = await db.execute<{ oldest: string | null; newest: string | null; first_recent: string | null }>(sql`
    select min(id) as oldest, max(id) as newest,
      (select min(id) from ${ocppMessageLog} where at >= ${input.before.toISOString()}::timestamptz) as first_recent
    from ${ocppMessageLog}`);
  if (!bounds?.oldest || !bounds.newest) return 0;
  const newest = Number(bounds.newest);
  const cutoff = Math.max(bounds.first_recent ? Number(bounds.first_recent) : newest + 1, newest - input.maxRows + 1);
  const upTo = Math.min(cutoff, Number(bounds.oldest) + (input.chunk ?? 50_000));
  const result = await db.execute(sql`delete from ${ocppMessageLog} where id < ${upTo}`);
  return (result as unknown as { count: number }).count;
}

export interface MessageLogFilter {
  stationId?: string;
  beforeId?: number;
  limit?: number;
  action?: string;
  direction?: 'in' | 'out';
  /** CALLERRORs and frames that were not valid OCPP-J. */
  errorsOnly?: boolean;
}

export function listMessageLog(db: Db, filter: MessageLogFilter = {}) {
  const conditions: SQL[] = [];
  if (filter.stationId) conditions.push(eq(ocppMessageLog.stationId, filter.stationId));
  if (filter.beforeId) conditions.push(lt(ocppMessageLog.id, filter.beforeId));
  if (filter.action) conditions.push(eq(ocppMessageLog.action, filter.action));
  if (filter.direction) conditions.push(eq(ocppMessageLog.direction, filter.direction));
  if (filter.errorsOnly) conditions.push(sql`(${ocppMessageLog.messageType} = 4 or ${ocppMessageLog.messageType} is null)`);
  return db
    .select()
    .from(ocppMessageLog)
    .where(and(...conditions))
    .orderBy(desc(ocppMessageLog.id))
    .limit(filter.limit ?? 200);
}
