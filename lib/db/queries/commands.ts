import { and, desc, eq, getTableColumns, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { commands, stations, type Command, type CommandState, type NewCommand } from '../schema';

/** A new command; it expires `timeoutMs` after now by the database clock (the one claimCommand compares with). */
export async function insertCommand(db: Db, row: Omit<NewCommand, 'expiresAt' | 'finishedAt'>): Promise<Command> {
  const final = row.state !== undefined && row.state !== 'queued';
  const [command] = await db
    .insert(commands)
    .values({ ...row, expiresAt: sql`now() + make_interval(secs => ${row.timeoutMs / 1000})`, finishedAt: final ? sql`now()` : null })
    .returning();
  return command!;
}

export async function getCommandById(db: Db, id: number): Promise<Command | undefined> {
  const [row] = await db.select().from(commands).where(eq(commands.id, id));
  return row;
}

export function listStationCommands(
  db: Db,
  input: { stationId: string; action?: string; state?: CommandState; beforeId?: number; limit?: number },
): Promise<Command[]> {
  return db
    .select()
    .from(commands)
    .where(
      and(
        eq(commands.stationId, input.stationId),
        input.action ? eq(commands.action, input.action) : undefined,
        input.state ? eq(commands.state, input.state) : undefined,
        input.beforeId ? lt(commands.id, input.beforeId) : undefined,
      ),
    )
    .orderBy(desc(commands.id))
    .limit(input.limit ?? 50);
}

/** The latest commands of the whole fleet, newest first (the Maintenance page). */
export function listRecentCommands(db: Db, input: { limit?: number; state?: CommandState } = {}): Promise<Command[]> {
  return db
    .select()
    .from(commands)
    .where(input.state ? eq(commands.state, input.state) : undefined)
    .orderBy(desc(commands.id))
    .limit(input.limit ?? 100);
}

/**
 * Takes a queued command for sending, atomically: of any number of nodes (or duplicate
 * notifications) exactly one gets the row, and never after it expired. At most once, by design.
 * `remainingMs` is what is left of its timeout, by the database clock.
 */
export async function claimCommand(db: Db, input: { id: number; nodeId: string }): Promise<(Command & { remainingMs: number }) | undefined> {
  const [row] = await db
    .update(commands)
    .set({ state: 'sending', nodeId: input.nodeId, sentAt: sql`now()` })
    .where(and(eq(commands.id, input.id), eq(commands.state, 'queued'), sql`${commands.expiresAt} > now()`))
    .returning({ ...getTableColumns(commands), remainingMs: sql<number>`ceil(extract(epoch from ${commands.expiresAt} - now()) * 1000)::int` });
  return row;
}

/**
 * The node the command was addressed to does not hold the socket: offline, unless another node
 * has the station online now (that node claims it instead).
 */
export async function markCommandOffline(db: Db, input: { id: number; nodeId: string }): Promise<Command | undefined> {
  const [row] = await db
    .update(commands)
    .set({ state: 'offline', errorCode: 'station_offline', errorDescription: 'The station disconnected before the command was sent', finishedAt: sql`now()` })
    .where(
      and(
        eq(commands.id, input.id),
        eq(commands.state, 'queued'),
        sql`not exists (select 1 from ${stations} where ${stations.id} = ${commands.stationId} and ${stations.online} and ${stations.nodeId} <> ${input.nodeId})`,
      ),
    )
    .returning();
  return row;
}

export interface CommandFinish {
  state: Exclude<CommandState, 'queued' | 'sending'>;
  response?: unknown;
  errorCode?: string | null;
  errorDescription?: string | null;
}

/** Records the end of a command that is still in one of `from`; returns undefined when it already ended. */
export async function finishCommand(db: Db, id: number, from: readonly CommandState[], finish: CommandFinish): Promise<Command | undefined> {
  const [row] = await db
    .update(commands)
    .set({
      state: finish.state,
      response: finish.response ?? null,
      errorCode: finish.errorCode ?? null,
      errorDescription: finish.errorDescription ?? null,
      finishedAt: sql`now()`,
    })
    .where(and(eq(commands.id, id), inArray(commands.state, [...from])))
    .returning();
  return row;
}

/** Queued commands meant for `nodeId` or for a station it holds, not expired: what a lost NOTIFY left behind. */
export async function listClaimableCommands(db: Db, input: { nodeId: string; stationIds: string[] }): Promise<Pick<Command, 'id' | 'stationId' | 'nodeId'>[]> {
  const held = JSON.stringify(input.stationIds);
  return db
    .select({ id: commands.id, stationId: commands.stationId, nodeId: commands.nodeId })
    .from(commands)
    .where(
      and(
        eq(commands.state, 'queued'),
        sql`${commands.expiresAt} > now()`,
        sql`(${commands.nodeId} = ${input.nodeId} or ${commands.stationId} in (select json_array_elements_text(${held}::json)))`,
      ),
    )
    .orderBy(commands.id)
    .limit(500);
}

/**
 * Ends what a node left open: at start (a killed run could not) and at shutdown. A 'sending' row
 * may or may not have reached the station: it fails and is never sent again (at most once).
 */
export async function failNodeCommands(db: Db, input: { nodeId: string; reason: string }): Promise<Command[]> {
  return db
    .update(commands)
    .set({
      state: sql`case when ${commands.state} = 'sending' then 'failed'::command_state else 'offline'::command_state end`,
      errorCode: sql`case when ${commands.state} = 'sending' then 'NodeStopped' else 'station_offline' end`,
      errorDescription: input.reason,
      finishedAt: sql`now()`,
    })
    .where(and(eq(commands.nodeId, input.nodeId), inArray(commands.state, ['queued', 'sending'])))
    .returning();
}

/** Commands whose caller stopped waiting long ago (e.g. the web process died): timed out, so none stays open. */
export function expireOverdueCommands(db: Db, input: { graceMs: number }): Promise<Command[]> {
  return db
    .update(commands)
    .set({ state: 'timed_out', errorCode: 'Timeout', errorDescription: 'No outcome before the deadline', finishedAt: sql`now()` })
    .where(and(inArray(commands.state, ['queued', 'sending']), sql`${commands.expiresAt} < now() - make_interval(secs => ${input.graceMs / 1000})`))
    .returning();
}

/**
 * Queued commands addressed to `nodeId` whose station is online on another node now: addressed to
 * that node instead (the caller re-announces them), so a station that moved is still reached.
 */
export async function readdressNodeCommands(db: Db, input: { nodeId: string }): Promise<Pick<Command, 'id' | 'stationId' | 'nodeId'>[]> {
  const rows = await db.execute<{ id: string; station_id: string; node_id: string }>(sql`
    update ${commands} c set node_id = s.node_id
    from ${stations} s
    where s.id = c.station_id and s.online and s.node_id <> ${input.nodeId}
      and c.node_id = ${input.nodeId} and c.state = 'queued' and c.expires_at > now()
    returning c.id, c.station_id, c.node_id`);
  return rows.map((row) => ({ id: Number(row.id), stationId: row.station_id, nodeId: row.node_id }));
}
