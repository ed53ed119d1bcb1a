import type { Db } from '../db/client';
import { getCreditNoteFor, getInvoiceById } from '../db/queries/invoices';
import { getInvoicePaidAmounts, insertPayment, lockPaymentByReference, lockPendingInvoicePayments, setPaymentIntentReference, setPaymentStatus } from '../db/queries/payments';
import { getWalletSummary } from '../db/queries/wallets';
import type { Payment, PaymentStatus } from '../db/schema';
import { systemActor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { badRequest, conflict, notFound } from '../errors';
import { reverseWalletTopUp, topUpWallet } from '../wallets/wallet-ledger';
import { assertAboveMinimumCharge } from './minimum-charge';
import { WebhookSignatureError, type PaymentProvider, type ProviderEvent } from './provider';
import { publishOnCommit } from '../bus/publish-on-commit';

/** An invoice that can still be paid by card, with what is owed on it (card payments and wallet debits deducted). */
export async function getPayableInvoice(db: Db, invoiceId: string) {
  const invoice = await getInvoiceById(db, invoiceId);
  if (!invoice) throw notFound('Invoice not found');
  if (invoice.kind === 'credit_note' || (await getCreditNoteFor(db, invoiceId))) throw conflict('not_payable', 'A credit note or a credited invoice is not paid');
  const owed = invoice.gross - ((await getInvoicePaidAmounts(db, [invoiceId])).get(invoiceId) ?? 0);
  if (owed <= 0) throw conflict('already_paid', `Invoice ${invoice.number} is paid`);
  return { invoice, owed };
}

/**
 * One open card payment per invoice: under the invoice's payment lock (held until `tx` ends), every
 * earlier pending payment (another tab, an abandoned attempt) is closed at the provider and marked
 * failed, so the invoice can never be paid twice. If the provider says one was already paid, nothing
 * new may start (409 payment_in_progress): its webhook settles the invoice.
 */
export async function closeEarlierInvoicePayments(tx: Db, provider: PaymentProvider, invoiceId: string, now: Date): Promise<void> {
  for (const earlier of await lockPendingInvoicePayments(tx, invoiceId)) {
    if (earlier.provider !== provider.name) continue;
    if ((await provider.closePendingPayment(earlier.reference)) === 'complete') {
      throw conflict('payment_in_progress', 'A card payment of this invoice has just been made; it shows as paid as soon as the card provider confirms it');
    }
    await setPaymentStatus(tx, earlier.id, 'failed', now);
    // Its return page, maybe still open in another tab, follows payment.updated.
    await publishOnCommit(tx, [{ kind: 'payment.updated', paymentId: earlier.id }]);
  }
}

/** Starts a card payment of what is still owed on an invoice; the browser confirms it with the client secret. */
export async function startInvoicePayment(db: Db, provider: PaymentProvider, invoiceId: string, now = new Date()): Promise<{ payment: Payment; clientSecret: string | null }> {
  return db.transaction(async (tx) => {
    await closeEarlierInvoicePayments(tx, provider, invoiceId, now);
    const { invoice, owed } = await getPayableInvoice(tx, invoiceId);
    assertAboveMinimumCharge(provider, owed, invoice.currency);
    const intent = await provider.createPaymentIntent({ amount: owed, currency: invoice.currency, description: `Invoice ${invoice.number}`, metadata: { invoiceId, invoiceNumber: invoice.number } });
    const payment = await insertPayment(tx, { provider: provider.name, reference: intent.reference, purpose: 'invoice', invoiceId, currency: invoice.currency, amount: owed, status: 'pending', createdAt: now, updatedAt: now });
    return { payment, clientSecret: intent.clientSecret };
  });
}

/** The wallet a card top-up goes to; the amount must be positive minor units. */
export async function getTopUpWallet(db: Db, walletId: string, amount: number) {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw badRequest('amount: must be a positive amount', 'amount');
  const wallet = await getWalletSummary(db, walletId);
  if (!wallet) throw notFound('Wallet not found');
  return wallet;
}

/** Starts a card top-up of a wallet; the wallet is credited only when the provider reports success. */
export async function startWalletTopUp(db: Db, provider: PaymentProvider, walletId: string, amount: number, now = new Date()): Promise<{ payment: Payment; clientSecret: string | null }> {
  const wallet = await getTopUpWallet(db, walletId, amount);
  assertAboveMinimumCharge(provider, amount, wallet.currency);
  const intent = await provider.createPaymentIntent({ amount, currency: wallet.currency, description: 'Wallet top-up', metadata: { walletId } });
  const payment = await insertPayment(db, { provider: provider.name, reference: intent.reference, purpose: 'wallet_top_up', walletId, currency: wallet.currency, amount, status: 'pending', createdAt: now, updatedAt: now });
  return { payment, clientSecret: intent.clientSecret };
}

const NEXT_STATUSES: Record<PaymentStatus, PaymentStatus[]> = { pending: ['succeeded', 'failed', 'refunded'], failed: ['succeeded'], succeeded: ['refunded'], refunded: [] };

export type EventOutcome = 'applied' | 'duplicate' | 'unknown_payment' | 'ignored' | 'mismatch';

/**
 * Applies a verified provider event to its payment, once: a succeeded top-up credits the wallet
 * (entry referenced by the provider's id, so a redelivered webhook cannot credit twice). An event
 * whose amount or currency differs from the payment is refused, not applied.
 */
export async function applyProviderEvent(db: Db, providerName: string, event: ProviderEvent, now = new Date(), onMoved?: (paymentId: string) => void): Promise<EventOutcome> {
  if (event.type === 'ignored') return 'ignored';
  let moved: string | undefined;
  const outcome = await db.transaction(async (tx): Promise<EventOutcome> => {
    const payment = await lockPaymentByReference(tx, providerName, event.reference);
    if (!payment) return 'unknown_payment';
    const status = event.type === 'payment_succeeded' ? 'succeeded' : event.type === 'payment_failed' ? 'failed' : 'refunded';
    if (payment.status === status) return 'duplicate';
    // A report arriving after a later one (expired after paid, failed after refunded) never moves a payment back.
    if (!NEXT_STATUSES[payment.status].includes(status)) return 'ignored';
    if (status === 'succeeded' && (event.amount !== payment.amount || event.currency !== payment.currency)) return 'mismatch';
    await setPaymentStatus(tx, payment.id, status, now);
    moved = payment.id;
    // A later refund is reported under the charge behind a hosted page: keep it with the payment.
    if (status === 'succeeded' && event.intentReference && !payment.intentReference) await setPaymentIntentReference(tx, payment.id, event.intentReference);
    if (status === 'succeeded' && payment.purpose === 'wallet_top_up' && payment.walletId) {
      await topUpWallet(tx, systemActor, payment.walletId, { amount: payment.amount, reference: `${providerName}:${payment.reference}` }, now);
    }
    let walletReversed: boolean | undefined;
    if (status === 'refunded' && payment.purpose === 'wallet_top_up' && payment.walletId) {
      const amount = Math.min(event.amount, payment.amount);
      walletReversed = (await reverseWalletTopUp(tx, payment.walletId, { amount, reference: `${providerName}:${payment.reference}` }, now)) !== undefined;
    }
    await recordAudit(tx, systemActor, {
      action: `payment.${status}`, targetType: 'payment', targetId: payment.id,
      after: { provider: providerName, reference: payment.reference, amount: payment.amount, ...(walletReversed === undefined ? {} : { walletReversed }) },
    });
    return 'applied';
  });
  // After the commit, so whoever is told reads the new status.
  if (moved) onMoved?.(moved);
  return outcome;
}

/** A provider's webhook: verified, then applied. A bad signature is a 400 naming the header. */
export async function handleProviderWebhook(db: Db, provider: PaymentProvider, rawBody: string, signature: string | null, now = new Date(), onMoved?: (paymentId: string) => void) {
  let event: ProviderEvent;
  try {
    event = provider.parseWebhook(rawBody, signature);
  } catch (error) {
    if (error instanceof WebhookSignatureError) throw badRequest(`signature: ${error.message}`, 'signature');
    throw error;
  }
  return { outcome: await applyProviderEvent(db, provider.name, event, now, onMoved) };
}
