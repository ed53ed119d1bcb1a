import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { stations } from './ocpp';
import { actorTypeEnum } from './system';

/**
 * queued → sending → completed | rejected | failed | timed_out, or queued → offline.
 * completed: the station answered a CALLRESULT that does what was asked (Accepted, Unlocked,
 * Scheduled, RebootRequired, or a conf without a status); rejected: a CALLRESULT that refuses
 * (Rejected, NotSupported, UnlockFailed, ...); failed: a CALLERROR, an invalid CALLRESULT
 * (`response` then holds it), a closed socket or a stopped node; timed_out: no answer in time.
 */
export const commandStates = ['queued', 'sending', 'completed', 'rejected', 'failed', 'timed_out', 'offline'] as const;
export type CommandState = (typeof commandStates)[number];
export const commandStateEnum = pgEnum('command_state', commandStates);
export const finalCommandStates: readonly CommandState[] = ['completed', 'rejected', 'failed', 'timed_out', 'offline'];

const at = (name: string) => timestamp(name, { withTimezone: true });

/** A CSMS-initiated OCPP call (OCPP 1.6 §5): durable, so the web app and any OCPP node agree on its fate. */
export const commands = pgTable(
  'commands',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorType: actorTypeEnum('actor_type').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    stationId: text('station_id').notNull().references(() => stations.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    payload: jsonb('payload').notNull(),
    state: commandStateEnum('state').notNull().default('queued'),
    response: jsonb('response'),
    errorCode: text('error_code'),
    errorDescription: text('error_description'),
    /** The node that held the socket when queued; the node that sent it once claimed. */
    nodeId: text('node_id'),
    timeoutMs: integer('timeout_ms').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    /** No node sends it after this (a late NOTIFY must not reach the station after the caller gave up). */
    expiresAt: at('expires_at').notNull(),
    sentAt: at('sent_at'),
    finishedAt: at('finished_at'),
  },
  (table) => [
    index('commands_station_id').on(table.stationId, table.id),
    index('commands_open').on(table.nodeId, table.state).where(sql`${table.state} in ('queued', 'sending')`),
  ],
);

export type Command = typeof commands.$inferSelect;
export type NewCommand = typeof commands.$inferInsert;
