import { apiRoute } from '@/lib/api/api-route';
import { payInvoiceOperation } from '@/lib/api/contracts/payments';
import { conflict } from '@/lib/errors';
import { startInvoicePayment } from '@/lib/payments/card-payments';
import { getPaymentProvider } from '@/lib/payments/payment-provider';

export const POST = apiRoute(payInvoiceOperation, async ({ db, params }) => {
  const provider = getPaymentProvider();
  if (!provider) throw conflict('card_payments_disabled', 'Card payments are not configured (STRIPE_SECRET_KEY)');
  const { payment, clientSecret } = await startInvoicePayment(db, provider, params.id);
  return { paymentId: payment.id, provider: payment.provider, reference: payment.reference, amount: payment.amount, currency: payment.currency, clientSecret };
});
