import Stripe from 'stripe';
import { WebhookSignatureError, type PaymentProvider, type ProviderEvent, type ProviderPaymentStatus } from './provider';

const STATUS: Record<string, ProviderPaymentStatus> = {
  succeeded: 'succeeded',
  canceled: 'failed',
  requires_payment_method: 'pending',
  requires_confirmation: 'pending',
  requires_action: 'pending',
  processing: 'pending',
  requires_capture: 'pending',
};

/**
 * Stripe PaymentIntents on the official SDK. Keys come from lib/env.ts (STRIPE_SECRET_KEY,
 * STRIPE_WEBHOOK_SECRET); `httpClient` lets tests answer Stripe's requests without the network.
 * Webhooks are verified with Stripe's signature scheme (Stripe-Signature: t=…,v1=HMAC-SHA256).
 */
export function createStripeProvider(config: { secretKey: string; webhookSecret: string; httpClient?: ReturnType<typeof Stripe.createFetchHttpClient> }): PaymentProvider {
  const stripe = new Stripe(config.secretKey, { httpClient: config.httpClient, maxNetworkRetries: 0 });
  return {
    name: 'stripe',
    async createPaymentIntent({ amount, currency, description, metadata }) {
      const intent = await stripe.paymentIntents.create({ amount, currency: currency.toLowerCase(), description, metadata, automatic_payment_methods: { enabled: true } });
      return { reference: intent.id, clientSecret: intent.client_secret, status: STATUS[intent.status] ?? 'pending' };
    },
    async capture(reference) {
      const intent = await stripe.paymentIntents.capture(reference);
      return { status: STATUS[intent.status] ?? 'pending' };
    },
    async refund(reference, amount) {
      const refund = await stripe.refunds.create({ payment_intent: reference, ...(amount === undefined ? {} : { amount }) });
      return { reference: refund.id, status: refund.status === 'succeeded' ? 'refunded' : 'pending' };
    },
    parseWebhook(rawBody, signature): ProviderEvent {
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signature ?? '', config.webhookSecret);
      } catch (error) {
        throw new WebhookSignatureError((error as Error).message);
      }
      if (event.type === 'payment_intent.succeeded' || event.type === 'payment_intent.payment_failed') {
        const intent = event.data.object;
        return { type: event.type === 'payment_intent.succeeded' ? 'payment_succeeded' : 'payment_failed', reference: intent.id, amount: intent.amount_received || intent.amount, currency: intent.currency.toUpperCase() };
      }
      if (event.type === 'charge.refunded') {
        const charge = event.data.object;
        const reference = typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
        if (reference) return { type: 'payment_refunded', reference, amount: charge.amount_refunded, currency: charge.currency.toUpperCase() };
      }
      return { type: 'ignored', reason: `event ${event.type} is not used` };
    },
  };
}
