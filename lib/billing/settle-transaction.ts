import type { Db } from '../db/client';
import type { Invoice } from '../db/schema';
import { systemActor } from '../auth/roles';
import { AppError } from '../errors';
import { getCreditNoteFor, getSessionInvoice, listInvoiceLines, lockInvoiceSubject } from '../db/queries/invoices';
import { issueCreditNote } from '../invoices/issue-credit-note';
import { draftSessionInvoice, issueSessionInvoice } from '../invoices/issue-session-invoice';
import { debitWalletForSession, invoiceCharge, type WalletDebit } from '../wallets/wallet-ledger';
import { deferToMonthlyInvoice, type DeferredSettlement } from '../statements/defer-session-billing';

export type Settlement = { invoice: Invoice; wallet: WalletDebit } | DeferredSettlement;

/**
 * What happens to a session's money when it stops (called after StopTransaction is recorded): its
 * invoice is issued, then paid from the driver's prepaid wallet when there is one with enough
 * balance. A session without a price (no tariff) gets neither; settling again changes nothing.
 * A driver (or company) invoiced monthly gets the wallet debit now and the invoice at the month's end.
 */
export async function settleStoppedTransaction(db: Db, transactionId: number, now: Date): Promise<Settlement> {
  const deferred = await deferToMonthlyInvoice(db, transactionId, now);
  if (deferred) return deferred;
  let invoice: Invoice;
  try {
    invoice = await issueSessionInvoice(db, systemActor, transactionId, now);
  } catch (error) {
    if (error instanceof AppError && error.status === 409) return { invoice: null, reason: error.message };
    throw error;
  }
  return { invoice, wallet: await debitWalletForSession(db, invoiceCharge(invoice), now) };
}

export interface Restatement {
  /** The credit note of the invoice issued before; null when the cost did not change (or there was none). */
  creditNote: Invoice | null;
  /** The session's invoice now (the new one after a credit note, else the one it had). */
  settlement: Settlement;
}

/**
 * A late StopTransaction restated a session the server had closed (reconciliation): when its
 * invoice would now differ, the one issued before is credited in full (its wallet debit refunded
 * with it) and the session invoiced and debited again, so nothing is billed twice. All of it is one
 * database transaction (the issuers' own become savepoints): a failure after the credit note leaves
 * neither the credit note, nor the refund, nor a used number. Unchanged: nothing is issued. Not
 * invoiced yet (or already credited): settled as at a stop.
 */
export async function resettleRestatedTransaction(db: Db, transactionId: number, now: Date): Promise<Restatement> {
  return db.transaction(async (tx) => {
    await lockInvoiceSubject(tx, `session:${transactionId}`);
    const current = await getSessionInvoice(tx, transactionId);
    if (!current || (await getCreditNoteFor(tx, current.id))) {
      const settlement = await settleStoppedTransaction(tx, transactionId, now);
      // Invoiced monthly: a restated session's monthly invoice may have been credited and issued again.
      return { creditNote: (!settlement.invoice && settlement.creditNote) || null, settlement };
    }
    let draft: Awaited<ReturnType<typeof draftSessionInvoice>>;
    try {
      draft = await draftSessionInvoice(tx, transactionId, now);
    } catch (error) {
      if (error instanceof AppError && error.status === 409) return { creditNote: null, settlement: { invoice: null, reason: error.message } };
      throw error;
    }
    const shape = (lines: { component: string; net: number; vat: number; gross: number }[]) => JSON.stringify(lines.map(({ component, net, vat, gross }) => [component, net, vat, gross]));
    if (draft.cost.currency === current.currency && shape(draft.lines) === shape(await listInvoiceLines(tx, current.id))) {
      return { creditNote: null, settlement: { invoice: current, wallet: { debited: false, reason: 'unchanged' } } };
    }
    const creditNote = await issueCreditNote(tx, systemActor, current.id, `late StopTransaction for session ${transactionId}: stop data restated`, now);
    const revision = await issueSessionInvoice(tx, systemActor, transactionId, now);
    return { creditNote, settlement: { invoice: revision, wallet: await debitWalletForSession(tx, invoiceCharge(revision), now) } };
  });
}
