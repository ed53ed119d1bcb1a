import type { Db } from '../db/client';
import type { Invoice } from '../db/schema';
import { systemActor } from '../auth/roles';
import { AppError } from '../errors';
import { issueSessionInvoice } from '../invoices/issue-session-invoice';

export type Settlement = { invoice: Invoice } | { invoice: null; reason: string };

/**
 * What happens to a session's money when it stops (called after StopTransaction is recorded):
 * its invoice is issued. A session without a price (no tariff) gets none; issuing again is a no-op.
 */
export async function settleStoppedTransaction(db: Db, transactionId: number, now: Date): Promise<Settlement> {
  try {
    return { invoice: await issueSessionInvoice(db, systemActor, transactionId, now) };
  } catch (error) {
    if (error instanceof AppError && error.status === 409) return { invoice: null, reason: error.message };
    throw error;
  }
}
