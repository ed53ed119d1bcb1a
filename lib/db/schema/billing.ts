import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Tariff } from '../../pricing/tariff-schema';
import { drivers } from './drivers';
import { stations, transactions } from './ocpp';
import { sites } from './sites';
import { driverSubscriptions } from './subscriptions';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A named tariff. Its prices live in immutable versions; `currency` and `is_default` mirror the
 * latest version and the open default-scope assignment, for listing.
 */
export const tariffs = pgTable(
  'tariffs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    currency: text('currency').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('tariffs_name_unique').on(sql`lower(${table.name})`),
    uniqueIndex('tariffs_one_default').on(table.isDefault).where(sql`${table.isDefault}`),
  ],
);

/** One row per edit, never updated: a session keeps pricing by the version in force when it started. */
export const tariffVersions = pgTable(
  'tariff_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tariffId: uuid('tariff_id')
      .notNull()
      .references(() => tariffs.id),
    version: integer('version').notNull(),
    /** The OCPI 2.2.1 Tariff object plus our parking_grace_seconds, as validated by tariffSchema. */
    tariff: jsonb('tariff').$type<Tariff>().notNull(),
    createdAt: at('created_at').notNull(),
    /** Label of the actor (email, token name, system). */
    createdBy: text('created_by').notNull(),
  },
  (table) => [uniqueIndex('tariff_versions_tariff_version').on(table.tariffId, table.version)],
);

export const tariffScopes = ['default', 'site', 'station', 'connector'] as const;
export type TariffScope = (typeof tariffScopes)[number];
export const tariffScopeEnum = pgEnum('tariff_scope', tariffScopes);

/**
 * Where a tariff applies, with history: an assignment is closed (removed_at), never deleted, so the
 * tariff in force at any past instant can be found. The most specific open scope wins:
 * connector > station > site > default. The `default` scope records which tariff was the default when.
 */
export const tariffAssignments = pgTable(
  'tariff_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tariffId: uuid('tariff_id')
      .notNull()
      .references(() => tariffs.id),
    scope: tariffScopeEnum('scope').notNull(),
    siteId: uuid('site_id').references(() => sites.id, { onDelete: 'cascade' }),
    stationId: text('station_id').references(() => stations.id, { onDelete: 'cascade' }),
    connectorId: integer('connector_id'),
    createdAt: at('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    removedAt: at('removed_at'),
    removedBy: text('removed_by'),
  },
  (table) => [
    check(
      'tariff_assignments_scope_columns',
      sql`case ${table.scope}
        when 'default' then ${table.siteId} is null and ${table.stationId} is null and ${table.connectorId} is null
        when 'site' then ${table.siteId} is not null and ${table.stationId} is null and ${table.connectorId} is null
        when 'station' then ${table.siteId} is null and ${table.stationId} is not null and ${table.connectorId} is null
        else ${table.siteId} is null and ${table.stationId} is not null and ${table.connectorId} is not null end`,
    ),
    // At most one open assignment per scope target.
    uniqueIndex('tariff_assignments_open_target')
      .on(table.scope, sql`coalesce(${table.siteId}::text, ${table.stationId}, '')`, sql`coalesce(${table.connectorId}, 0)`)
      .where(sql`${table.removedAt} is null`),
    index('tariff_assignments_station').on(table.stationId, table.connectorId),
    index('tariff_assignments_site').on(table.siteId),
    index('tariff_assignments_tariff').on(table.tariffId),
  ],
);

/**
 * Tariff overrides that beat every site/station/connector assignment: for an id-tag group (the tag
 * or any tag above it, OCPP 1.6 parentIdTag) or for one driver. Closed, never deleted, like
 * assignments, so the override in force at any past instant can be found.
 */
export const tariffOverrideKinds = ['id_tag', 'driver'] as const;
export type TariffOverrideKind = (typeof tariffOverrideKinds)[number];

export const tariffOverrides = pgTable(
  'tariff_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tariffId: uuid('tariff_id')
      .notNull()
      .references(() => tariffs.id),
    kind: text('kind', { enum: tariffOverrideKinds }).notNull(),
    /** kind id_tag: the tag value; applies to that tag and every tag below it. */
    idTag: text('id_tag'),
    driverId: uuid('driver_id').references(() => drivers.id, { onDelete: 'cascade' }),
    createdAt: at('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    removedAt: at('removed_at'),
    removedBy: text('removed_by'),
  },
  (table) => [
    check(
      'tariff_overrides_kind_columns',
      sql`(${table.kind} = 'id_tag' and ${table.idTag} is not null and ${table.driverId} is null)
        or (${table.kind} = 'driver' and ${table.driverId} is not null and ${table.idTag} is null)`,
    ),
    uniqueIndex('tariff_overrides_open_target')
      .on(table.kind, sql`coalesce(${table.idTag}, ${table.driverId}::text)`)
      .where(sql`${table.removedAt} is null`),
  ],
);

/** How a session's tariff was found: an override, the driver's subscription plan, or an assignment scope. */
export const tariffSources = ['id_tag', 'driver', 'subscription_plan', ...tariffScopes] as const;
export type TariffSource = (typeof tariffSources)[number];

/**
 * What a transaction is priced with, fixed when StartTransaction is recorded: the station's site
 * (and its time zone) at that moment, the driver, and the tariff version resolved then (null: no
 * tariff applied). Moving the station to another site or editing a tariff later never changes it.
 * Transactions recorded before this snapshot existed get theirs at their first pricing.
 */
export const transactionTariffs = pgTable('transaction_tariffs', {
  transactionId: integer('transaction_id')
    .primaryKey()
    .references(() => transactions.id, { onDelete: 'cascade' }),
  tariffVersionId: uuid('tariff_version_id').references(() => tariffVersions.id),
  assignmentId: uuid('assignment_id').references(() => tariffAssignments.id, { onDelete: 'set null' }),
  scope: text('scope', { enum: tariffSources }),
  siteId: uuid('site_id').references(() => sites.id, { onDelete: 'set null' }),
  driverId: uuid('driver_id').references(() => drivers.id, { onDelete: 'set null' }),
  /** The driver's subscription at the start (its plan's tariff may be the one applied). */
  subscriptionId: uuid('subscription_id').references((): AnyPgColumn => driverSubscriptions.id, { onDelete: 'set null' }),
  timeZone: text('time_zone').notNull(),
  resolvedAt: at('resolved_at').notNull(),
});

export type TariffRow = typeof tariffs.$inferSelect;
export type TariffVersionRow = typeof tariffVersions.$inferSelect;
export type TariffAssignmentRow = typeof tariffAssignments.$inferSelect;
export type TransactionTariffRow = typeof transactionTariffs.$inferSelect;
export type TariffOverrideRow = typeof tariffOverrides.$inferSelect;
