import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { invoices } from './invoices';
import { wallets } from './wallets';

const at = (name: string) => timestamp(name, { withTimezone: true });

export const paymentStatuses = ['pending', 'succeeded', 'failed', 'refunded'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];
export const paymentPurposes = ['invoice', 'wallet_top_up'] as const;

/**
 * A card payment through a provider (stripe, manual), for an invoice or a wallet top-up. Its
 * status only moves on what the provider reports (a verified webhook or a capture answer): no code
 * path marks a payment succeeded by itself.
 */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provider: text('provider').notNull(),
    /** The provider's id, e.g. Stripe's PaymentIntent pi_…. */
    reference: text('reference').notNull(),
    /**
     * The charge behind a hosted page (Stripe: the Checkout Session's PaymentIntent), learnt when it
     * is paid: a refund is reported under it, not under the session.
     */
    intentReference: text('intent_reference'),
    purpose: text('purpose', { enum: paymentPurposes }).notNull(),
    invoiceId: uuid('invoice_id').references(() => invoices.id),
    walletId: uuid('wallet_id').references(() => wallets.id),
    currency: text('currency').notNull(),
    amount: integer('amount').notNull(),
    status: text('status', { enum: paymentStatuses }).notNull().default('pending'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    succeededAt: at('succeeded_at'),
    /** When the provider reported it refunded (a session it paid shows its true payment method again). */
    refundedAt: at('refunded_at'),
  },
  (table) => [
    uniqueIndex('payments_provider_reference').on(table.provider, table.reference),
    uniqueIndex('payments_provider_intent_reference').on(table.provider, table.intentReference),
    index('payments_invoice').on(table.invoiceId), index('payments_succeeded_at').on(table.succeededAt), index('payments_refunded_at').on(table.refundedAt),
  ],
);

export type Payment = typeof payments.$inferSelect;
