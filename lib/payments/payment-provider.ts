import { getEnv } from '../env';
import type { PaymentProvider } from './provider';
import { createStripeProvider } from './stripe-provider';

let cached: PaymentProvider | null | undefined;

/** The configured card provider: Stripe with STRIPE_SECRET_KEY, else none (the card option is hidden). */
export function getPaymentProvider(): PaymentProvider | null {
  if (cached !== undefined) return cached;
  const env = getEnv();
  cached = env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET ? createStripeProvider({ secretKey: env.STRIPE_SECRET_KEY, webhookSecret: env.STRIPE_WEBHOOK_SECRET, apiBase: env.STRIPE_API_BASE }) : null;
  return cached;
}

/** Replaces the provider (tests: a Stripe adapter on an in-process HTTP client; null: payments off). */
export function setPaymentProvider(provider: PaymentProvider | null): void {
  cached = provider;
}
