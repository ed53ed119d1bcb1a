import type { Db } from '../db/client';
import { getInvoiceDebit, getWalletBalance, getWalletByDriver, insertWallet, insertWalletEntry, lockWallet } from '../db/queries/wallets';
import { getDriverById } from '../db/queries/drivers';
import { getSessionDebitWithoutInvoice } from '../db/queries/statements';
import type { Invoice, Wallet, WalletEntry, WalletEntryKind } from '../db/schema';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { badRequest, conflict, notFound } from '../errors';
import { isKnownCurrency } from '../pricing/currency';

export async function createWallet(db: Db, actor: Actor, input: { driverId: string; currency: string; minBalance?: number; allowNegative?: boolean }): Promise<Wallet> {
  if (!isKnownCurrency(input.currency)) throw badRequest('currency: must be an ISO 4217 code', 'currency');
  return db.transaction(async (tx) => {
    if (!(await getDriverById(tx, input.driverId))) throw badRequest('driverId: no such driver', 'driverId');
    if (await getWalletByDriver(tx, input.driverId)) throw conflict('wallet_exists', 'This driver already has a wallet', 'driverId');
    const wallet = await insertWallet(tx, { driverId: input.driverId, currency: input.currency, minBalance: input.minBalance ?? 1, allowNegative: input.allowNegative ?? false });
    await recordAudit(tx, actor, { action: 'wallet.create', targetType: 'wallet', targetId: wallet.id, after: wallet });
    return wallet;
  });
}

/**
 * Appends one entry under the wallet's row lock, so the balance it checks is the balance it
 * changes: an entry that would take the balance below zero is refused unless the wallet allows it.
 */
async function appendEntry(
  tx: Db,
  walletId: string,
  entry: { kind: WalletEntryKind; amount: number; transactionId?: number; invoiceId?: string; reference?: string; note?: string; createdBy: string; now: Date },
): Promise<{ entry: WalletEntry; balance: number }> {
  const wallet = await lockWallet(tx, walletId);
  if (!wallet) throw notFound('Wallet not found');
  const balance = (await getWalletBalance(tx, walletId)) + entry.amount;
  if (balance < 0 && !wallet.allowNegative) throw conflict('insufficient_balance', 'The wallet balance would become negative', 'amount');
  const { now, ...fields } = entry;
  return { entry: await insertWalletEntry(tx, { walletId, ...fields, createdAt: now }), balance };
}

/** appendEntry, or undefined when the balance would go below what the wallet allows. */
async function appendIfAffordable(tx: Db, walletId: string, entry: Parameters<typeof appendEntry>[2]): Promise<{ entry: WalletEntry; balance: number } | undefined> {
  try {
    return await appendEntry(tx, walletId, entry);
  } catch (error) {
    if ((error as { code?: string }).code === 'insufficient_balance') return undefined;
    throw error;
  }
}

/** A top-up (admin, or a captured card payment with its provider reference: recorded once per reference). */
export async function topUpWallet(db: Db, actor: Actor, walletId: string, input: { amount: number; reference?: string; note?: string }, now = new Date()) {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) throw badRequest('amount: must be a positive amount', 'amount');
  return db.transaction(async (tx) => {
    const result = await appendEntry(tx, walletId, { kind: 'top_up', ...input, createdBy: actor.label, now });
    await recordAudit(tx, actor, { action: 'wallet.top_up', targetType: 'wallet', targetId: walletId, after: { amount: input.amount, reference: input.reference ?? null, balance: result.balance } });
    return result;
  });
}

/**
 * A card top-up was refunded to the card: the wallet gives the amount back (an adjustment entry naming
 * the provider reference). Undefined when that would take the balance below zero and the wallet does
 * not allow it (the driver has spent it): the caller records that an admin must settle it.
 */
export async function reverseWalletTopUp(tx: Db, walletId: string, input: { amount: number; reference: string }, now: Date): Promise<WalletEntry | undefined> {
  return (await appendIfAffordable(tx, walletId, { kind: 'adjustment', amount: -input.amount, note: `Card top-up refunded (${input.reference})`, createdBy: 'system', now }))?.entry;
}

export type WalletDebit = { debited: true; entry: WalletEntry; balance: number } | { debited: false; reason: string };

/**
 * Pays a session invoice from the driver's wallet (same currency), at most once per invoice. With
 * too little balance (and negative not allowed) nothing is debited: the invoice stays unpaid.
 */
export async function debitWalletForInvoice(db: Db, invoice: Invoice, now: Date): Promise<WalletDebit> {
  if (!invoice.driverId || invoice.transactionId === null || invoice.kind !== 'session') return { debited: false, reason: 'no driver' };
  const wallet = await getWalletByDriver(db, invoice.driverId);
  if (!wallet) return { debited: false, reason: 'the driver has no wallet' };
  if (wallet.currency !== invoice.currency) return { debited: false, reason: `the wallet is in ${wallet.currency}, the invoice in ${invoice.currency}` };
  return db.transaction(async (tx) => {
    await lockWallet(tx, wallet.id);
    if (await getInvoiceDebit(tx, invoice.id)) return { debited: false, reason: 'already debited' };
    const result = await appendIfAffordable(tx, wallet.id, { kind: 'session_debit', amount: -invoice.gross, transactionId: invoice.transactionId!, invoiceId: invoice.id, createdBy: 'system', now });
    return result ? { debited: true, ...result } : { debited: false, reason: 'insufficient balance' };
  });
}

/**
 * Pays a session invoiced monthly (no invoice yet) from the driver's wallet: like
 * debitWalletForInvoice, once per session (checked under the wallet's lock), without an invoice.
 */
export async function debitWalletForSession(db: Db, input: { driverId: string; transactionId: number; gross: number; currency: string }, now: Date): Promise<WalletDebit> {
  const wallet = await getWalletByDriver(db, input.driverId);
  if (!wallet) return { debited: false, reason: 'the driver has no wallet' };
  if (wallet.currency !== input.currency) return { debited: false, reason: `the wallet is in ${wallet.currency}, the session in ${input.currency}` };
  return db.transaction(async (tx) => {
    await lockWallet(tx, wallet.id);
    if (await getSessionDebitWithoutInvoice(tx, input.transactionId)) return { debited: false, reason: 'already debited' };
    const result = await appendIfAffordable(tx, wallet.id, { kind: 'session_debit', amount: -input.gross, transactionId: input.transactionId, note: 'Invoiced monthly', createdBy: 'system', now });
    return result ? { debited: true, ...result } : { debited: false, reason: 'insufficient balance' };
  });
}

/**
 * A session invoiced monthly was restated before its invoice: the wallet gets the difference
 * (positive: money back; negative: charged more) as an adjustment entry. Refused (undefined) when
 * it would take the balance below zero and the wallet does not allow that.
 */
export async function adjustWalletForSession(db: Db, input: { driverId: string; transactionId: number; amount: number; note: string }, now: Date): Promise<WalletEntry | undefined> {
  const wallet = await getWalletByDriver(db, input.driverId);
  if (!wallet || input.amount === 0) return undefined;
  return db.transaction(async (tx) => (await appendIfAffordable(tx, wallet.id, { kind: 'adjustment', amount: input.amount, transactionId: input.transactionId, note: input.note, createdBy: 'system', now }))?.entry);
}

/** A credit note for a wallet-paid session puts the debited amount back, once. */
export async function refundWalletForCreditNote(db: Db, creditNote: Invoice, now: Date): Promise<WalletEntry | undefined> {
  if (creditNote.kind !== 'credit_note' || creditNote.transactionId === null || !creditNote.creditsInvoiceId) return undefined;
  const debit = await getInvoiceDebit(db, creditNote.creditsInvoiceId);
  if (!debit || debit.invoiceId !== creditNote.creditsInvoiceId) return undefined;
  const refund = { kind: 'refund' as const, amount: -debit.amount, invoiceId: creditNote.creditsInvoiceId, transactionId: creditNote.transactionId, note: `Credit note ${creditNote.number}` };
  if (refund.amount === 0) return undefined;
  return (await appendEntry(db, debit.walletId, { ...refund, createdBy: creditNote.issuedBy, now })).entry;
}
