import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { getInvoiceById } from '../db/queries/invoices';
import { getWalletSummary } from '../db/queries/wallets';
import { conflict, notFound } from '../errors';
import { parseCardTopUpAmount } from './card-top-up-amount';
import { driverReturnUrls, startInvoiceCheckout, startWalletTopUpCheckout } from './checkout';
import type { PaymentProvider } from './provider';

/**
 * Payment links an admin hands to a driver (by mail, chat, a printed slip): a Checkout page whose
 * return page is the driver's own in the portal. Creating one is audited; it moves no money.
 */
async function audited(db: Db, actor: Actor, link: { payment: { id: string; purpose: string; amount: number; currency: string; reference: string; walletId: string | null; invoiceId: string | null }; url: string }) {
  const { payment } = link;
  await recordAudit(db, actor, {
    action: 'payment.link_create',
    targetType: 'payment',
    targetId: payment.id,
    after: { purpose: payment.purpose, walletId: payment.walletId, invoiceId: payment.invoiceId, amount: payment.amount, currency: payment.currency, reference: payment.reference },
  });
  return { paymentId: payment.id, url: link.url };
}

export async function createTopUpPaymentLink(db: Db, provider: PaymentProvider, actor: Actor, input: { walletId: string; amount: string; origin: string }) {
  const wallet = await getWalletSummary(db, input.walletId);
  if (!wallet) throw notFound('Wallet not found');
  const amount = parseCardTopUpAmount(input.amount, wallet.currency, provider.minimumCharge?.(wallet.currency));
  return audited(db, actor, await startWalletTopUpCheckout(db, provider, wallet.id, amount, driverReturnUrls(input.origin)));
}

/** Only for an invoice with a driver: the return page is the driver's own (a walk-in customer has none). */
export async function createInvoicePaymentLink(db: Db, provider: PaymentProvider, actor: Actor, input: { invoiceId: string; origin: string }) {
  const invoice = await getInvoiceById(db, input.invoiceId);
  if (!invoice) throw notFound('Invoice not found');
  if (!invoice.driverId) throw conflict('no_driver', 'This invoice has no driver account to return to; take the payment at the counter or through the REST payment route.');
  return audited(db, actor, await startInvoiceCheckout(db, provider, invoice.id, driverReturnUrls(input.origin)));
}
