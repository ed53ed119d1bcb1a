import { apiRoute } from '@/lib/api/api-route';
import { getBus } from '@/lib/bus/get-bus';
import { stripeWebhookOperation } from '@/lib/api/contracts/payments';
import { AppError } from '@/lib/errors';
import { handleProviderWebhook } from '@/lib/payments/card-payments';
import { getPaymentProvider } from '@/lib/payments/payment-provider';

/** Public (Stripe calls it); trusted only through the verified signature over the raw body. */
export const POST = apiRoute(stripeWebhookOperation, async ({ db, request }) => {
  const provider = getPaymentProvider();
  if (!provider) throw new AppError(404, 'payments_disabled', 'Card payments are not configured (STRIPE_SECRET_KEY)');
  // A moved payment is told to the driver's live stream (the portal's return page follows it).
  const published = (paymentId: string) => getBus().publish({ kind: 'payment.updated', paymentId });
  return handleProviderWebhook(db, provider, await request.text(), request.headers.get('stripe-signature'), new Date(), published);
});
