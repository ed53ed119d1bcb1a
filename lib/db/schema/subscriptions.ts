import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tariffs } from './billing';
import { drivers } from './drivers';
import { transactions } from './ocpp';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A subscription plan: a monthly fee (minor units, excl. VAT), energy included per period and/or a
 * discount on session prices, and optionally its own tariff (beats site assignments, loses to a
 * driver or id-tag override).
 */
export const subscriptionPlans = pgTable(
  'subscription_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    currency: text('currency').notNull(),
    monthlyFee: integer('monthly_fee').notNull(),
    vatPercent: numeric('vat_percent', { precision: 5, scale: 2, mode: 'number' }).notNull().default(0),
    includedWh: integer('included_wh').notNull().default(0),
    discountPercent: integer('discount_percent').notNull().default(0),
    tariffId: uuid('tariff_id').references(() => tariffs.id),
    /** Offered for new subscriptions (the portal lists active plans); running subscriptions go on either way. */
    active: boolean('active').notNull().default(true),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('subscription_plans_name_unique').on(sql`lower(${table.name})`),
    check('subscription_plans_amounts', sql`${table.monthlyFee} >= 0 and ${table.includedWh} >= 0 and ${table.discountPercent} between 0 and 100`),
  ],
);

/**
 * A driver on a plan from `starts_at`; periods are calendar months counted from it. Cancelling sets
 * `ends_at` to the end of the current period (no proration: the period started is paid in full).
 */
export const driverSubscriptions = pgTable(
  'driver_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    driverId: uuid('driver_id')
      .notNull()
      .references(() => drivers.id, { onDelete: 'cascade' }),
    planId: uuid('plan_id')
      .notNull()
      .references(() => subscriptionPlans.id),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [
    index('driver_subscriptions_driver').on(table.driverId, table.startsAt),
    check('driver_subscriptions_period', sql`${table.endsAt} is null or ${table.endsAt} > ${table.startsAt}`),
  ],
);

/**
 * The included energy each session took from its subscription period's allowance: one row per
 * session, written with its invoice under the subscription's row lock. A re-invoiced session (credit
 * note + revision) replaces its own row, so the allowance is never consumed twice.
 */
export const subscriptionEnergyUsage = pgTable(
  'subscription_energy_usage',
  {
    transactionId: integer('transaction_id')
      .primaryKey()
      .references(() => transactions.id),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => driverSubscriptions.id, { onDelete: 'cascade' }),
    periodStart: at('period_start').notNull(),
    wh: integer('wh').notNull(),
    recordedAt: at('recorded_at').notNull(),
  },
  (table) => [index('subscription_energy_usage_period').on(table.subscriptionId, table.periodStart), check('subscription_energy_usage_wh', sql`${table.wh} >= 0`)],
);

export type SubscriptionPlan = typeof subscriptionPlans.$inferSelect;
export type DriverSubscription = typeof driverSubscriptions.$inferSelect;
export type SubscriptionEnergyUsage = typeof subscriptionEnergyUsage.$inferSelect;
