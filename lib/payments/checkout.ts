import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client';
import { insertPayment } from '../db/queries/payments';
import type { Payment } from '../db/schema';
import { closeEarlierInvoicePayments, getPayableInvoice, getTopUpWallet } from './card-payments';
import { assertAboveMinimumCharge } from './minimum-charge';
import type { PaymentProvider } from './provider';

/** Where the hosted page sends the browser back: the payment's own status page, built from its id. */
export type ReturnUrls = (paymentId: string) => { successUrl: string; cancelUrl: string };

/** The driver portal's return page for a payment: /driver/payments/{id} on this server. */
export const driverReturnUrls =
  (origin: string): ReturnUrls =>
  (paymentId) => {
    const page = new URL(`/driver/payments/${paymentId}`, origin).toString();
    return { successUrl: page, cancelUrl: `${page}?cancelled=1` };
  };

type CheckoutPurpose = { purpose: 'invoice'; invoiceId: string } | { purpose: 'wallet_top_up'; walletId: string };

/**
 * Opens a hosted payment page (Stripe Checkout) and records the payment as pending under the
 * session's reference. The payment id is chosen first so the return URLs can name it; the status
 * moves only on the provider's verified webhook (applyProviderEvent), never on the browser's return.
 */
async function startCheckout(
  db: Db,
  provider: PaymentProvider,
  input: CheckoutPurpose & { amount: number; currency: string; description: string; metadata: Record<string, string>; returnUrls: ReturnUrls },
  now: Date,
): Promise<{ payment: Payment; url: string }> {
  assertAboveMinimumCharge(provider, input.amount, input.currency);
  const id = randomUUID();
  const session = await provider.createCheckoutSession({
    amount: input.amount,
    currency: input.currency,
    description: input.description,
    metadata: { ...input.metadata, paymentId: id },
    ...input.returnUrls(id),
  });
  const target = input.purpose === 'invoice' ? { invoiceId: input.invoiceId } : { walletId: input.walletId };
  const payment = await insertPayment(db, {
    id, provider: provider.name, reference: session.reference, purpose: input.purpose, ...target,
    currency: input.currency, amount: input.amount, status: 'pending', createdAt: now, updatedAt: now,
  });
  return { payment, url: session.url };
}

/**
 * A hosted card payment of what is still owed on an invoice (pay-per-session), after closing any
 * earlier one still open (closeEarlierInvoicePayments): an invoice is never paid twice by card.
 */
export async function startInvoiceCheckout(db: Db, provider: PaymentProvider, invoiceId: string, returnUrls: ReturnUrls, now = new Date()) {
  return db.transaction(async (tx) => {
    await closeEarlierInvoicePayments(tx, provider, invoiceId, now);
    const { invoice, owed } = await getPayableInvoice(tx, invoiceId);
    return startCheckout(tx, provider, {
      purpose: 'invoice', invoiceId, amount: owed, currency: invoice.currency, description: `Invoice ${invoice.number}`,
      metadata: { invoiceId, invoiceNumber: invoice.number }, returnUrls,
    }, now);
  });
}

/** A hosted card top-up of a wallet; the wallet is credited by the webhook, once. */
export async function startWalletTopUpCheckout(db: Db, provider: PaymentProvider, walletId: string, amount: number, returnUrls: ReturnUrls, now = new Date()) {
  const wallet = await getTopUpWallet(db, walletId, amount);
  return startCheckout(db, provider, { purpose: 'wallet_top_up', walletId, amount, currency: wallet.currency, description: 'Wallet top-up', metadata: { walletId }, returnUrls }, now);
}
