import { bigserial, index, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const actorTypeEnum = pgEnum('actor_type', ['user', 'token', 'system', 'driver']);
export const auditResultEnum = pgEnum('audit_result', ['success', 'failure']);

/** One row per change made by an operator, an API token or the system. Never updated or deleted by the app. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorType: actorTypeEnum('actor_type').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    result: auditResultEnum('result').notNull().default('success'),
    detail: text('detail'),
  },
  (table) => [
    index('audit_log_at').on(table.at),
    index('audit_log_action_at').on(table.action, table.at),
    index('audit_log_actor_at').on(table.actorId, table.at),
  ],
);

/** Operator-changeable settings (e.g. the unknown-station policy); env gives the defaults. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by'),
});

/** Liveness of each process (web, every OCPP node): written on a timer, read by GET /api/health. */
export const serviceHeartbeats = pgTable('service_heartbeats', {
  serviceId: text('service_id').primaryKey(),
  kind: text('kind').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  beatAt: timestamp('beat_at', { withTimezone: true }).notNull(),
  info: jsonb('info').notNull().default({}),
});

export type AuditEntry = typeof auditLog.$inferSelect;
