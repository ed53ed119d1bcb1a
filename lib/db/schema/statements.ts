import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { invoices } from './invoices';
import { transactions } from './ocpp';

const at = (name: string) => timestamp(name, { withTimezone: true });

export const invoicingModes = ['per_session', 'monthly'] as const;
export type InvoicingMode = (typeof invoicingModes)[number];
export const invoicingSubjects = ['driver', 'company'] as const;
export type InvoicingSubject = (typeof invoicingSubjects)[number];

/**
 * How a driver, or every driver of a company (key: the company name lower-cased), is invoiced. A
 * driver's own row wins over their company's; no row is per_session (an invoice at each stop).
 */
export const invoicingSettings = pgTable(
  'invoicing_settings',
  {
    subject: text('subject', { enum: invoicingSubjects }).notNull(),
    /** The driver id, or lower(company). */
    subjectKey: text('subject_key').notNull(),
    mode: text('mode', { enum: invoicingModes }).notNull(),
    updatedAt: at('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (table) => [primaryKey({ columns: [table.subject, table.subjectKey] })],
);

/**
 * A stopped session of a monthly-invoiced driver or company: settled at its stop (cost fixed here,
 * wallet debited), invoiced later on the account's monthly invoice. The primary key keeps a session
 * on one monthly invoice at most; `invoice_id` is set in the transaction that issues that invoice.
 */
export const monthlyBilledSessions = pgTable(
  'monthly_billed_sessions',
  {
    transactionId: integer('transaction_id')
      .primaryKey()
      .references(() => transactions.id),
    /** driver:{id} or company:{lower(name)}: whose monthly invoice the session goes on. */
    accountKey: text('account_key').notNull(),
    accountName: text('account_name').notNull(),
    driverId: uuid('driver_id'),
    customerEmail: text('customer_email'),
    stoppedAt: at('stopped_at').notNull(),
    currency: text('currency').notNull(),
    /** The session invoice's lines as priced at the stop (NewInvoiceLine[]), and their sums. */
    lines: jsonb('lines').notNull(),
    net: integer('net').notNull(),
    vat: integer('vat').notNull(),
    gross: integer('gross').notNull(),
    invoiceId: uuid('invoice_id').references(() => invoices.id),
    createdAt: at('created_at').notNull(),
  },
  (table) => [
    index('monthly_billed_sessions_open').on(table.stoppedAt).where(sql`${table.invoiceId} is null`),
    index('monthly_billed_sessions_invoice').on(table.invoiceId),
    check('monthly_billed_sessions_totals', sql`${table.gross} = ${table.net} + ${table.vat}`),
  ],
);

export type InvoicingSetting = typeof invoicingSettings.$inferSelect;
export type MonthlyBilledSession = typeof monthlyBilledSessions.$inferSelect;
