import type { Db } from '../db/client';
import type { NewInvoiceLine } from '../db/queries/invoices';
import { getCreditNoteFor, getInvoiceById, getSessionInvoice, lockInvoiceSubject } from '../db/queries/invoices';
import { getMonthlyBilledSession, getMonthlySessionWalletPaid, insertMonthlyBilledSession, lockMonthlyAccount, updateOpenMonthlyBilledSession } from '../db/queries/statements';
import { listTransactionTariffSnapshots } from '../db/queries/transaction-costs';
import type { Invoice, MonthlyBilledSession } from '../db/schema';
import { systemActor } from '../auth/roles';
import { AppError, conflict } from '../errors';
import { issueCreditNote } from '../invoices/issue-credit-note';
import { draftSessionInvoice } from '../invoices/issue-session-invoice';
import { invoiceTotals } from '../invoices/invoice-lines';
import { lockSessionSubscription, recordAllowanceUse, type AllowanceUse } from '../subscriptions/session-allowance';
import { adjustWalletForSession, debitWalletForSession, type WalletDebit } from '../wallets/wallet-ledger';
import { resolveInvoicingAccount } from './invoicing-mode';
import { issueMonthlyInvoice } from './issue-monthly-invoices';
import { releaseCreditedMonthlySessions } from './release-monthly-sessions';

const shape = (lines: NewInvoiceLine[]) => JSON.stringify(lines.map(({ component, description, net, vatRate, vat, gross }) => [component, description, net, vatRate, vat, gross]));

export type DeferredSettlement = {
  invoice: null;
  reason: string;
  wallet?: WalletDebit;
  /** A restatement after the monthly invoice: its credit note, and the account's invoice issued again for that month. */
  creditNote?: Invoice;
  monthlyInvoice?: Invoice | null;
};

/**
 * At the stop of a session whose driver (or company) is invoiced monthly: the session is priced
 * now exactly as its invoice would be (lines kept, included energy taken from the subscription's
 * allowance under its row lock and recorded like a session invoice's), its wallet debited, and it
 * waits for the account's monthly invoice (issueMonthlyInvoices). Undefined: invoiced per session,
 * as always (also when the session already has a session invoice). Settling again changes nothing;
 * a restatement (late StopTransaction) is applied, also after the monthly invoice (see below).
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
    await lockSessionSubscription(tx, transactionId);
    const row = await lockSettledMonthlySession(tx, transactionId);
    const account = resolved?.account;
    if (!row && account?.mode !== 'monthly') return undefined;
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
      await recordAllowanceUse(tx, transactionId, draft.allowanceUse, now);
      const wallet = await debitWalletForSession(tx, { driverId, transactionId, gross: totals.gross, currency: draft.cost.currency, invoiceId: null }, now);
      return { invoice: null, reason: `invoiced monthly (${account.accountName})`, wallet };
    }
    return applyRestatement(tx, { driverId, transactionId, settled: row!, lines: draft.lines, priced, allowanceUse: draft.allowanceUse }, now);
  });
}

type Priced = Pick<MonthlyBilledSession, 'stoppedAt' | 'lines' | 'net' | 'vat' | 'gross'>;

/**
 * A settled session settled again: unchanged, nothing happens. Restated by a late StopTransaction:
 * if it is already on a monthly invoice, that invoice is credited in full (which releases its
 * sessions) and issued again for its month in this transaction, with the new price. Either way the
 * row takes the new price and its allowance take, and the wallet pays the difference (or gets it
 * back) as an adjustment.
 */
async function applyRestatement(
  tx: Db,
  input: { driverId: string; transactionId: number; settled: MonthlyBilledSession; lines: NewInvoiceLine[]; priced: Priced; allowanceUse: AllowanceUse | null },
  now: Date,
): Promise<DeferredSettlement> {
  const { driverId, transactionId, settled, priced } = input;
  const changed = shape(settled.lines as NewInvoiceLine[]) !== shape(input.lines) || settled.stoppedAt.getTime() !== priced.stoppedAt.getTime();
  if (settled.invoiceId && !changed) return { invoice: null, reason: `already on a monthly invoice (${settled.accountName})` };
  const creditNote = settled.invoiceId ? await creditMonthlyInvoice(tx, settled.invoiceId, `late StopTransaction for session ${transactionId}: stop data restated`, now) : undefined;
  if (changed) {
    await updateOpenMonthlyBilledSession(tx, transactionId, priced);
    await recordAllowanceUse(tx, transactionId, input.allowanceUse, now);
  }
  const wallet = await payDifference(tx, { driverId, transactionId, settled, gross: priced.gross }, now);
  if (!creditNote) return { invoice: null, reason: `invoiced monthly (${settled.accountName})`, wallet };
  const monthlyInvoice = await issueMonthlyInvoice(tx, { accountKey: settled.accountKey, currency: settled.currency, period: { start: creditNote.periodStart!, end: creditNote.periodEnd! } }, now);
  const reason = monthlyInvoice ? `restated on monthly invoice ${monthlyInvoice.number} (${creditNote.number} credits the one before)` : `invoiced monthly (${settled.accountName})`;
  return { invoice: null, reason, wallet, creditNote, monthlyInvoice };
}

/** The invoice's credit note: a new one, or (credited before its sessions were released on credit) the one it has, its sessions released now. */
async function creditMonthlyInvoice(tx: Db, invoiceId: string, reason: string, now: Date): Promise<Invoice> {
  const existing = await getCreditNoteFor(tx, invoiceId);
  if (!existing) return issueCreditNote(tx, systemActor, invoiceId, reason, now);
  await releaseCreditedMonthlySessions(tx, (await getInvoiceById(tx, invoiceId))!);
  return existing;
}

/**
 * The session's monthly row, with the locks that keep its invoice from changing under us: the
 * credit lock of the invoice it is on (if any), then its account's lock — the order a credit note
 * takes them in. Read again after locking: if a credit note or the monthly job moved it meanwhile,
 * lock again for where it is now.
 */
async function lockSettledMonthlySession(tx: Db, transactionId: number): Promise<MonthlyBilledSession | undefined> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const row = await getMonthlyBilledSession(tx, transactionId);
    if (!row) return undefined;
    if (row.invoiceId) await lockInvoiceSubject(tx, `credit:${row.invoiceId}`);
    await lockMonthlyAccount(tx, row.accountKey);
    const locked = await getMonthlyBilledSession(tx, transactionId);
    if (locked?.invoiceId === row.invoiceId) return locked;
  }
  throw conflict('monthly_invoice_busy', `Session ${transactionId}: its monthly invoice kept changing; try again`);
}

/** What the wallet still owes (or gets back) for the session after a restatement; a first debit if it never paid. */
async function payDifference(tx: Db, input: { driverId: string; transactionId: number; settled: MonthlyBilledSession; gross: number }, now: Date): Promise<WalletDebit> {
  const { driverId, transactionId, settled, gross } = input;
  const paid = await getMonthlySessionWalletPaid(tx, transactionId);
  if (paid === 0) return debitWalletForSession(tx, { driverId, transactionId, gross, currency: settled.currency, invoiceId: null }, now);
  if (paid !== gross) await adjustWalletForSession(tx, { driverId, transactionId, amount: paid - gross, note: `Session ${transactionId} restated: ${settled.gross} → ${gross}` }, now);
  return { debited: false, reason: paid === gross ? 'already debited' : 'restated: adjusted' };
}
