import type { Db } from '../db/client';
import type { NewInvoiceLine } from '../db/queries/invoices';
import { lockInvoiceSubject, getSessionInvoice } from '../db/queries/invoices';
import { getMonthlyBilledSession, getMonthlySessionWalletPaid, insertMonthlyBilledSession, updateOpenMonthlyBilledSession } from '../db/queries/statements';
import { listTransactionTariffSnapshots } from '../db/queries/transaction-costs';
import { AppError } from '../errors';
import { draftSessionInvoice } from '../invoices/issue-session-invoice';
import { invoiceTotals } from '../invoices/invoice-lines';
import { adjustWalletForSession, debitWalletForSession, type WalletDebit } from '../wallets/wallet-ledger';
import { resolveInvoicingAccount } from './invoicing-mode';

const shape = (lines: NewInvoiceLine[]) => JSON.stringify(lines.map(({ component, description, net, vatRate, vat, gross }) => [component, description, net, vatRate, vat, gross]));

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
    const row = await getMonthlyBilledSession(tx, transactionId);
    const account = resolved?.account;
    if (!row && account?.mode !== 'monthly') return undefined;
    if (row?.invoiceId) return { invoice: null, reason: `already on a monthly invoice (${row.accountName})` };
    let draft: Awaited<ReturnType<typeof draftSessionInvoice>>;
    try {
      draft = await draftSessionInvoice(tx, transactionId, now);
    } catch (error) {
      if (error instanceof AppError && error.status === 409) return { invoice: null, reason: error.message };
      throw error;
    }
    const totals = invoiceTotals(draft.lines);
    const priced = { stoppedAt: draft.transaction.stoppedAt, lines: draft.lines, ...totals };
    if (!row && account?.mode === 'monthly') {
      await insertMonthlyBilledSession(tx, { transactionId, accountKey: account.accountKey, accountName: account.accountName, driverId: account.driverId, customerEmail: account.email, currency: draft.cost.currency, ...priced, createdAt: now });
      const wallet = await debitWalletForSession(tx, { driverId, transactionId, gross: totals.gross, currency: draft.cost.currency, invoiceId: null }, now);
      return { invoice: null, reason: `invoiced monthly (${account.accountName})`, wallet };
    }
    // Settled before and not invoiced yet: a late StopTransaction may have restated it. The row takes
    // the new price; the wallet pays the difference (or gets it back) as an adjustment.
    const reason = `invoiced monthly (${row!.accountName})`;
    if (shape(row!.lines as NewInvoiceLine[]) !== shape(draft.lines) || row!.stoppedAt.getTime() !== priced.stoppedAt.getTime()) await updateOpenMonthlyBilledSession(tx, transactionId, priced);
    const paid = await getMonthlySessionWalletPaid(tx, transactionId);
    if (paid === 0) return { invoice: null, reason, wallet: await debitWalletForSession(tx, { driverId, transactionId, gross: totals.gross, currency: row!.currency, invoiceId: null }, now) };
    if (paid !== totals.gross) await adjustWalletForSession(tx, { driverId, transactionId, amount: paid - totals.gross, note: `Session ${transactionId} restated: ${row!.gross} → ${totals.gross}` }, now);
    return { invoice: null, reason, wallet: { debited: false, reason: paid === totals.gross ? 'already debited' : 'restated: adjusted' } };
  });
}
