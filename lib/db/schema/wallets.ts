import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { drivers } from './drivers';
import { invoices } from './invoices';
import { transactions } from './ocpp';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A driver's prepaid wallet. It has no balance column: the balance is the sum of its ledger
 * entries. Authorization refuses the driver's tags (Blocked) while the balance is below
 * `min_balance`; a debit that would make it negative is refused unless `allow_negative`.
 */
export const wallets = pgTable(
  'wallets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    driverId: uuid('driver_id')
      .notNull()
      .references(() => drivers.id),
    currency: text('currency').notNull(),
    minBalance: integer('min_balance').notNull().default(1),
    allowNegative: boolean('allow_negative').notNull().default(false),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (table) => [uniqueIndex('wallets_driver').on(table.driverId)],
);

export const walletEntryKinds = ['top_up', 'session_debit', 'refund', 'adjustment'] as const;
export type WalletEntryKind = (typeof walletEntryKinds)[number];

/**
 * Append-only ledger (a trigger refuses UPDATE and DELETE): every movement of a wallet, signed,
 * in minor units. A session is debited at most once; a credited invoice is refunded at most once.
 */
export const walletEntries = pgTable(
  'wallet_entries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    walletId: uuid('wallet_id')
      .notNull()
      .references(() => wallets.id),
    kind: text('kind', { enum: walletEntryKinds }).notNull(),
    amount: integer('amount').notNull(),
    transactionId: integer('transaction_id').references(() => transactions.id),
    invoiceId: uuid('invoice_id').references(() => invoices.id),
    /** The payment provider's reference of a card top-up, or a note. */
    reference: text('reference'),
    note: text('note'),
    createdAt: at('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (table) => [
    index('wallet_entries_wallet').on(table.walletId, table.id),
    uniqueIndex('wallet_entries_one_debit_per_invoice').on(table.invoiceId).where(sql`${table.kind} = 'session_debit'`),
    uniqueIndex('wallet_entries_one_refund_per_invoice').on(table.invoiceId).where(sql`${table.kind} = 'refund'`),
    uniqueIndex('wallet_entries_reference').on(table.reference).where(sql`${table.kind} = 'top_up' and ${table.reference} is not null`),
    check('wallet_entries_sign', sql`case ${table.kind} when 'top_up' then ${table.amount} > 0 when 'refund' then ${table.amount} > 0 when 'session_debit' then ${table.amount} <= 0 else ${table.amount} <> 0 end`),
  ],
);

export type Wallet = typeof wallets.$inferSelect;
export type WalletEntry = typeof walletEntries.$inferSelect;
