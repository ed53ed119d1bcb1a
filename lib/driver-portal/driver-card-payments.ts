import { z } from 'zod';
import type { Db } from '../db/client';
import { getInvoiceById } from '../db/queries/invoices';
import { getDriverPayment } from '../db/queries/payments';
import { getWalletBalance, getWalletByDriver } from '../db/queries/wallets';
import { conflict, notFound } from '../errors';
import { startInvoiceCheckout, startWalletTopUpCheckout, type ReturnUrls } from '../payments/checkout';
import { parseCardTopUpAmount } from '../payments/card-top-up-amount';
import type { PaymentProvider } from '../payments/provider';

/** A card top-up of the driver's own wallet: the amount is checked, then the hosted page opened. */
export async function startDriverCardTopUp(db: Db, provider: PaymentProvider, driverId: string, amountText: string, returnUrls: ReturnUrls) {
  const wallet = await getWalletByDriver(db, driverId);
  if (!wallet) throw conflict('no_wallet', 'You have no prepaid wallet: you pay per session.');
  return startWalletTopUpCheckout(db, provider, wallet.id, parseCardTopUpAmount(amountText, wallet.currency, provider.minimumCharge?.(wallet.currency)), returnUrls);
}

/** A card payment of one of the driver's own invoices; another driver's is "not found", like one that does not exist. */
export async function startDriverInvoiceCheckout(db: Db, provider: PaymentProvider, driverId: string, invoiceId: string, returnUrls: ReturnUrls) {
  const invoice = z.uuid().safeParse(invoiceId).success ? await getInvoiceById(db, invoiceId) : undefined;
  if (!invoice || invoice.driverId !== driverId) throw notFound('Invoice not found');
  return startInvoiceCheckout(db, provider, invoice.id, returnUrls);
}

/** The return page's data: the driver's own payment and, for a top-up, the wallet's balance now. */
export async function getDriverPaymentView(db: Db, driverId: string, paymentId: string) {
  const payment = z.uuid().safeParse(paymentId).success ? await getDriverPayment(db, driverId, paymentId) : undefined;
  if (!payment) throw notFound('Payment not found');
  const balance = payment.walletId ? await getWalletBalance(db, payment.walletId) : null;
  return { id: payment.id, purpose: payment.purpose, status: payment.status, amount: payment.amount, currency: payment.currency, invoiceNumber: payment.invoiceNumber, balance };
}
export type DriverPaymentView = Awaited<ReturnType<typeof getDriverPaymentView>>;
