import type { Db } from '../db/client';
import { getInvoiceDebit, getSessionDebit, getWalletBalance, getWalletByDriver, insertWallet, insertWalletEntry, lockWallet } from '../db/queries/wallets';
import { getDriverById } from '../db/queries/drivers';
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
 * What one session costs its driver's wallet: its session invoice (per-session invoicing) or, when
 * invoiced monthly, the session itself before any invoice exists (`invoiceId` null).
 */
export interface SessionCharge {
  driverId: string | null;
  transactionId: number | null;
  currency: string;
  gross: number;
  invoiceId: string | null;
}

/** The charge of a session invoice; null for any other kind (fees, monthly invoices, credit notes). */
export function invoiceCharge(invoice: Invoice): SessionCharge | null {
  if (invoice.kind !== 'session') return null;
  return { driverId: invoice.driverId, transactionId: invoice.transactionId, currency: invoice.currency, gross: invoice.gross, invoiceId: invoice.id };
}

/**
 * Pays a session from the driver's wallet (same currency), at most once per charge: per invoice, or
 * per session without an invoice (monthly), checked under the wallet's lock. With too little
 * balance (and negative not allowed) nothing is debited: the session stays unpaid.
 */
export async function debitWalletForSession(db: Db, charge: SessionCharge | null, now: Date): Promise<WalletDebit> {
  if (!charge?.driverId || charge.transactionId === null) return { debited: false, reason: 'no driver' };
  const { driverId, transactionId, invoiceId } = charge;
  const wallet = await getWalletByDriver(db, driverId);
  if (!wallet) return { debited: false, reason: 'the driver has no wallet' };
  if (wallet.currency !== charge.currency) return { debited: false, reason: `the wallet is in ${wallet.currency}, the ${invoiceId ? 'invoice' : 'session'} in ${charge.currency}` };
  return db.transaction(async (tx) => {
    await lockWallet(tx, wallet.id);
    if (await getSessionDebit(tx, { transactionId, invoiceId })) return { debited: false, reason: 'already debited' };
    const entry = { kind: 'session_debit' as const, amount: -charge.gross, transactionId, ...(invoiceId ? { invoiceId } : { note: 'Invoiced monthly' }) };
    const result = await appendIfAffordable(tx, wallet.id, { ...entry, createdBy: 'system', now });
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
