import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const alertKinds = ['station_offline', 'connector_faulted', 'stuck_session', 'boot_rejected', 'security_event'] as const;
/** Raised by an event (a critical security event), not by a rule: they stay open until an operator resolves them. */
export const eventAlertKinds: readonly AlertKind[] = ['security_event'];
export type AlertKind = (typeof alertKinds)[number];
export const alertKindEnum = pgEnum('alert_kind', alertKinds);

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * Raised and cleared by the alert rules (and raised by critical security events) (lib/alerts); acknowledged and resolved by operators.
 * `key` names what the alert is about (kind + target): at most one open alert per key.
 */
export const alerts = pgTable(
  'alerts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    kind: alertKindEnum('kind').notNull(),
    stationId: text('station_id').notNull(),
    connectorId: integer('connector_id'),
    transactionId: integer('transaction_id'),
    message: text('message').notNull(),
    detail: jsonb('detail').notNull().default({}),
    raisedAt: at('raised_at').notNull(),
    acknowledgedAt: at('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by'),
    resolvedAt: at('resolved_at'),
    resolvedBy: text('resolved_by'),
  },
  (table) => [
    uniqueIndex('alerts_open_key').on(table.key).where(sql`${table.resolvedAt} is null`),
    index('alerts_raised_at').on(table.raisedAt),
  ],
);

export type Alert = typeof alerts.$inferSelect;
