import { z } from 'zod';
import type { Db } from '../db/client';
import { getInvoiceById } from '../db/queries/invoices';
import { getDriverPayment } from '../db/queries/payments';
import { getWalletBalance, getWalletByDriver } from '../db/queries/wallets';
import { badRequest, conflict, notFound } from '../errors';
import { startInvoiceCheckout, startWalletTopUpCheckout, type ReturnUrls } from '../payments/checkout';
import type { PaymentProvider } from '../payments/provider';
import { formatMinorUnits, minorUnitExponent } from '../pricing/currency';
import { parseAmount } from '../wallets/parse-amount';

/** Card top-ups a driver may start, in the wallet's major units: above card fees, below a fraud-sized charge. */
export const CARD_TOP_UP_LIMITS = { min: 5, max: 500 } as const;

/** The limits in the currency's minor units. */
export function cardTopUpLimits(currency: string): { min: number; max: number } {
  const scale = 10 ** minorUnitExponent(currency);
  return { min: CARD_TOP_UP_LIMITS.min * scale, max: CARD_TOP_UP_LIMITS.max * scale };
}

/** The top-up form: a decimal amount ("20", "20.50") parsed to minor units and held to the limits. */
export function cardTopUpSchema(currency: string) {
  const { min, max } = cardTopUpLimits(currency);
  return z.object({
    amount: z
      .string({ error: 'is required' })
      .trim()
      .min(1, { error: 'is required' })
      .transform((text, ctx) => parseAmount(text, currency) ?? (ctx.addIssue({ code: 'custom', message: 'must be an amount such as 20.00' }), z.NEVER))
      .refine((minor) => minor >= min, { error: `must be at least ${formatMinorUnits(min, currency)}` })
      .refine((minor) => minor <= max, { error: `must be at most ${formatMinorUnits(max, currency)}` }),
  });
}

/** A card top-up of the driver's own wallet: the amount is checked, then the hosted page opened. */
export async function startDriverCardTopUp(db: Db, provider: PaymentProvider, driverId: string, amountText: string, returnUrls: ReturnUrls) {
  const wallet = await getWalletByDriver(db, driverId);
  if (!wallet) throw conflict('no_wallet', 'You have no prepaid wallet: you pay per session.');
  const parsed = cardTopUpSchema(wallet.currency).safeParse({ amount: amountText });
  if (!parsed.success) throw badRequest(`Amount ${parsed.error.issues[0]?.message ?? 'is invalid'}.`, 'amount');
  return startWalletTopUpCheckout(db, provider, wallet.id, parsed.data.amount, returnUrls);
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
