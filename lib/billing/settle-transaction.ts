import type { Db } from '../db/client';
import type { Invoice } from '../db/schema';
import { systemActor } from '../auth/roles';
import { AppError } from '../errors';
import { issueSessionInvoice } from '../invoices/issue-session-invoice';
import { debitWalletForInvoice, type WalletDebit } from '../wallets/wallet-ledger';

export type Settlement = { invoice: Invoice; wallet: WalletDebit } | { invoice: null; reason: string };

/**
 * What happens to a session's money when it stops (called after StopTransaction is recorded): its
 * invoice is issued, then paid from the driver's prepaid wallet when there is one with enough
 * balance. A session without a price (no tariff) gets neither; settling again changes nothing.
 */
export async function settleStoppedTransaction(db: Db, transactionId: number, now: Date): Promise<Settlement> {
  let invoice: Invoice;
  try {
    invoice = await issueSessionInvoice(db, systemActor, transactionId, now);
  } catch (error) {
    if (error instanceof AppError && error.status === 409) return { invoice: null, reason: error.message };
    throw error;
  }
  return { invoice, wallet: await debitWalletForInvoice(db, invoice, now) };
}
