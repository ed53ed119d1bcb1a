import { sql } from 'drizzle-orm';
import { check, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { transactions } from './ocpp';
import { driverSubscriptions } from './subscriptions';

const at = (name: string) => timestamp(name, { withTimezone: true });

export const invoiceSeries = ['INV', 'CN'] as const;
export type InvoiceSeries = (typeof invoiceSeries)[number];

/**
 * The last number issued per series and year. Allocating a number locks its row (FOR UPDATE) in
 * the transaction that inserts the invoice: a rollback gives the number back, so numbers have no gaps.
 */
export const invoiceCounters = pgTable(
  'invoice_counters',
  {
    series: text('series', { enum: invoiceSeries }).notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.series, table.year] })],
);

export const invoiceKinds = ['session', 'subscription_fee', 'credit_note', 'monthly'] as const;
export type InvoiceKind = (typeof invoiceKinds)[number];

/**
 * An issued invoice or credit note: immutable (a trigger refuses UPDATE and DELETE); corrections
 * are credit notes. Amounts in minor units of `currency`; a credit note's amounts are negative.
 */
export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** INV-2026-000001 / CN-2026-000001. */
    number: text('number').notNull(),
    series: text('series', { enum: invoiceSeries }).notNull(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    kind: text('kind', { enum: invoiceKinds }).notNull(),
    issuedAt: at('issued_at').notNull(),
    currency: text('currency').notNull(),
    net: integer('net').notNull(),
    vat: integer('vat').notNull(),
    gross: integer('gross').notNull(),
    transactionId: integer('transaction_id').references(() => transactions.id),
    /** A session's invoices: 1, then 2, … when the previous one was credited and the session re-invoiced (a late StopTransaction). */
    revision: integer('revision').notNull().default(1),
    /** No foreign key: an invoice outlives its driver row (the customer is copied below). */
    driverId: uuid('driver_id'),
    subscriptionId: uuid('subscription_id').references(() => driverSubscriptions.id),
    periodStart: at('period_start'),
    periodEnd: at('period_end'),
    /** A credit note: the invoice it reverses. */
    creditsInvoiceId: uuid('credits_invoice_id').references((): AnyPgColumn => invoices.id),
    /** Who is billed, as it was at issue (the driver row may change later). */
    customerName: text('customer_name'),
    customerEmail: text('customer_email'),
    note: text('note'),
    issuedBy: text('issued_by').notNull(),
  },
  (table) => [
    uniqueIndex('invoices_number').on(table.number),
    uniqueIndex('invoices_series_year_sequence').on(table.series, table.year, table.sequence),
    uniqueIndex('invoices_one_per_session_revision').on(table.transactionId, table.revision).where(sql`${table.kind} = 'session'`),
    uniqueIndex('invoices_one_per_period').on(table.subscriptionId, table.periodStart).where(sql`${table.kind} = 'subscription_fee'`),
    uniqueIndex('invoices_one_credit_note').on(table.creditsInvoiceId),
    index('invoices_issued_at').on(table.issuedAt),
    index('invoices_driver').on(table.driverId, table.issuedAt),
    check('invoices_totals', sql`${table.gross} = ${table.net} + ${table.vat}`),
  ],
);

/** The lines of an invoice: a price component of the session, a fee, or an adjustment; VAT per line. */
export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    position: integer('position').notNull(),
    /** ENERGY, TIME, PARKING_TIME, FLAT, MIN_PRICE, MAX_PRICE, SUBSCRIPTION_FEE, INCLUDED_ENERGY, DISCOUNT. */
    component: text('component').notNull(),
    description: text('description').notNull(),
    quantity: numeric('quantity', { precision: 16, scale: 6, mode: 'number' }).notNull(),
    unit: text('unit').notNull(),
    /** Excl. VAT, in currency units per unit (as in the tariff: per kWh, per hour, per session). */
    unitPrice: numeric('unit_price', { precision: 14, scale: 6, mode: 'number' }).notNull(),
    net: integer('net').notNull(),
    vatRate: numeric('vat_rate', { precision: 5, scale: 2, mode: 'number' }),
    vat: integer('vat').notNull(),
    gross: integer('gross').notNull(),
  },
  (table) => [uniqueIndex('invoice_lines_position').on(table.invoiceId, table.position), check('invoice_lines_totals', sql`${table.gross} = ${table.net} + ${table.vat}`)],
);

export type Invoice = typeof invoices.$inferSelect;
export type NewInvoice = typeof invoices.$inferInsert;
export type InvoiceLine = typeof invoiceLines.$inferSelect;
