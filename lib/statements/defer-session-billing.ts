import type { Db } from '../db/client';
import { lockInvoiceSubject, getSessionInvoice } from '../db/queries/invoices';
import { getMonthlyBilledSession, insertMonthlyBilledSession } from '../db/queries/statements';
import { listTransactionTariffSnapshots } from '../db/queries/transaction-costs';
import { AppError } from '../errors';
import { draftSessionInvoice } from '../invoices/issue-session-invoice';
import { invoiceTotals } from '../invoices/invoice-lines';
import { debitWalletForSession, type WalletDebit } from '../wallets/wallet-ledger';
import { resolveInvoicingAccount } from './invoicing-mode';

export type DeferredSettlement = { invoice: null; reason: string; wallet?: WalletDebit };

/**
 * At the stop of a session whose driver (or company) is invoiced monthly: the session is priced
 * now exactly as its invoice would be (lines kept), its wallet debited, and it waits for the
 * account's monthly invoice (issueMonthlyInvoices). Undefined: invoiced per session, as always
 * (also when the session already has a session invoice). Settling again changes nothing.
 */
export async function deferToMonthlyInvoice(db: Db, transactionId: number, now: Date): Promise<DeferredSettlement | undefined> {
  const driverId = (await listTransactionTariffSnapshots(db, [transactionId])).get(transactionId)?.driverId;
  if (!driverId) return undefined;
  const resolved = await resolveInvoicingAccount(db, driverId);
  const already = await getMonthlyBilledSession(db, transactionId);
  if (!already && resolved?.account.mode !== 'monthly') return undefined;
  return db.transaction(async (tx) => {
    await lockInvoiceSubject(tx, `session:${transactionId}`);
    if (await getSessionInvoice(tx, transactionId)) return undefined;
    let row = await getMonthlyBilledSession(tx, transactionId);
    if (!row) {
      const account = resolved!.account;
      if (account.mode !== 'monthly') return undefined;
      let draft: Awaited<ReturnType<typeof draftSessionInvoice>>;
      try {
        draft = await draftSessionInvoice(tx, transactionId, now);
      } catch (error) {
        if (error instanceof AppError && error.status === 409) return { invoice: null, reason: error.message };
        throw error;
      }
      const totals = invoiceTotals(draft.lines);
      const fields = { transactionId, accountKey: account.accountKey, accountName: account.accountName, driverId: account.driverId, customerEmail: account.email, stoppedAt: draft.transaction.stoppedAt, currency: draft.cost.currency, lines: draft.lines, ...totals, createdAt: now };
      await insertMonthlyBilledSession(tx, fields);
      row = { ...fields, invoiceId: null };
    }
    const wallet = await debitWalletForSession(tx, { driverId, transactionId, gross: row.gross, currency: row.currency }, now);
    return { invoice: null, reason: `invoiced monthly (${row.accountName})`, wallet };
  });
}
