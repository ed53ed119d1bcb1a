import Stripe from 'stripe';
import { stripeMinimumCharge } from './minimum-charge';
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

/** How long a Checkout page stays payable; Stripe allows 30 min to 24 h, and expiry is reported (checkout.session.expired). */
const CHECKOUT_LIFETIME_S = 3600;

export interface StripeProviderConfig {
  secretKey: string;
  webhookSecret: string;
  /** STRIPE_API_BASE: another server speaking Stripe's API (stripe-mock, a test server). */
  apiBase?: string;
  httpClient?: ReturnType<typeof Stripe.createFetchHttpClient>;
}

/** host/port/protocol options of the SDK from one URL ("http://127.0.0.1:12111"). */
function apiHost(apiBase: string | undefined): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
  if (!apiBase) return {};
  const url = new URL(apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol };
}

/**
 * Stripe Checkout Sessions and PaymentIntents on the official SDK. Keys come from lib/env.ts
 * (STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_API_BASE); `httpClient` lets tests answer
 * Stripe's requests without the network. Webhooks are verified with Stripe's signature scheme
 * (Stripe-Signature: t=…,v1=HMAC-SHA256) before anything is read from them.
 */
export function createStripeProvider(config: StripeProviderConfig): PaymentProvider {
  const stripe = new Stripe(config.secretKey, { httpClient: config.httpClient, maxNetworkRetries: 0, ...apiHost(config.apiBase) });
  return {
    name: 'stripe',
    minimumCharge: stripeMinimumCharge,
    async createPaymentIntent({ amount, currency, description, metadata }) {
      const intent = await stripe.paymentIntents.create({ amount, currency: currency.toLowerCase(), description, metadata, automatic_payment_methods: { enabled: true } });
      return { reference: intent.id, clientSecret: intent.client_secret, status: STATUS[intent.status] ?? 'pending' };
    },
    async createCheckoutSession({ amount, currency, description, metadata, successUrl, cancelUrl }) {
      const session = await stripe.checkout.sessions.create({
        mode: 'payment',
        line_items: [{ quantity: 1, price_data: { currency: currency.toLowerCase(), unit_amount: amount, product_data: { name: description } } }],
        success_url: successUrl,
        cancel_url: cancelUrl,
        expires_at: Math.floor(Date.now() / 1000) + CHECKOUT_LIFETIME_S,
        ...(metadata.paymentId ? { client_reference_id: metadata.paymentId } : {}),
        metadata,
        payment_intent_data: { description, metadata },
      });
      if (!session.url) throw new Error(`Stripe returned Checkout Session ${session.id} without a url`);
      return { reference: session.id, url: session.url };
    },
    async closePendingPayment(reference) {
      // Stripe refuses to close what is no longer open: then ask what it is now.
      if (reference.startsWith('pi_')) {
        try {
          await stripe.paymentIntents.cancel(reference);
          return 'closed';
        } catch (error) {
          if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
          return (await stripe.paymentIntents.retrieve(reference)).status === 'canceled' ? 'closed' : 'complete';
        }
      }
      try {
        await stripe.checkout.sessions.expire(reference);
        return 'closed';
      } catch (error) {
        if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
        return (await stripe.checkout.sessions.retrieve(reference)).status === 'expired' ? 'closed' : 'complete';
      }
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
      return toProviderEvent(event);
    },
  };
}

const checkoutReport = (type: 'payment_succeeded' | 'payment_failed', session: Stripe.Checkout.Session): ProviderEvent => {
  const intent = typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id;
  return { type, reference: session.id, amount: session.amount_total ?? 0, currency: (session.currency ?? '').toUpperCase(), ...(intent ? { intentReference: intent } : {}) };
};

/** A verified Stripe event in the provider-neutral shape; events this system does not use are "ignored". */
function toProviderEvent(event: Stripe.Event): ProviderEvent {
  switch (event.type) {
    case 'payment_intent.succeeded':
    case 'payment_intent.payment_failed': {
      const intent = event.data.object;
      return { type: event.type === 'payment_intent.succeeded' ? 'payment_succeeded' : 'payment_failed', reference: intent.id, amount: intent.amount_received || intent.amount, currency: intent.currency.toUpperCase() };
    }
    case 'charge.refunded': {
      const charge = event.data.object;
      const reference = typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
      if (reference) return { type: 'payment_refunded', reference, amount: charge.amount_refunded, currency: charge.currency.toUpperCase() };
      break;
    }
    // Completed means paid only with payment_status "paid"; a delayed method (SEPA debit…) completes
    // "unpaid" and settles later with async_payment_succeeded or _failed.
    case 'checkout.session.completed': {
      const session = event.data.object;
      if (session.payment_status === 'paid') return checkoutReport('payment_succeeded', session);
      return { type: 'ignored', reason: `checkout session ${session.id} completed ${session.payment_status}: waiting for the async payment` };
    }
    case 'checkout.session.async_payment_succeeded':
      return checkoutReport('payment_succeeded', event.data.object);
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired':
      return checkoutReport('payment_failed', event.data.object);
  }
  return { type: 'ignored', reason: `event ${event.type} is not used` };
}
