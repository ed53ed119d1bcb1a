import { bigint, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { commands } from './commands';
import { transactions } from './ocpp';
import { wallets } from './wallets';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A running wallet-paid session the server asked the station to stop (RemoteStopTransaction)
 * because its cost so far reached the wallet's balance (Settings → low-balance stop). One row per
 * session: the primary key is what makes the request go out once, across nodes and restarts.
 */
export const lowBalanceStops = pgTable('low_balance_stops', {
  transactionId: integer('transaction_id')
    .primaryKey()
    .references(() => transactions.id, { onDelete: 'cascade' }),
  walletId: uuid('wallet_id')
    .notNull()
    .references(() => wallets.id),
  currency: text('currency').notNull(),
  /** Gross cost so far when the stop was decided, and the balance it reached (minor units). */
  costSoFar: integer('cost_so_far').notNull(),
  balance: integer('balance').notNull(),
  requestedAt: at('requested_at').notNull(),
  commandId: bigint('command_id', { mode: 'number' }).references(() => commands.id, { onDelete: 'set null' }),
  /** The command's final state (completed, rejected, failed, timed_out, offline) and the station's answer. */
  outcome: text('outcome'),
  /**
   * An `offline` stop is sent once more when the station is back (the session's next MeterValues
   * finds it online): when, the command, and its outcome. Set once: there is no third attempt.
   */
  retriedAt: at('retried_at'),
  retryCommandId: bigint('retry_command_id', { mode: 'number' }).references(() => commands.id, { onDelete: 'set null' }),
  retryOutcome: text('retry_outcome'),
});

export type LowBalanceStop = typeof lowBalanceStops.$inferSelect;
