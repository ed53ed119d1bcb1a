/** What a provider says about a payment; only these move a payment's status. */
export type ProviderPaymentStatus = 'pending' | 'succeeded' | 'failed' | 'refunded';

export interface PaymentIntent {
  reference: string;
  /** Handed to the browser to confirm the card (Stripe.js); null for the manual provider. */
  clientSecret: string | null;
  status: ProviderPaymentStatus;
}

export interface CheckoutSessionInput {
  amount: number;
  currency: string;
  description: string;
  metadata: Record<string, string>;
  /** Where the provider's hosted page sends the browser back (paid, or still processing). */
  successUrl: string;
  cancelUrl: string;
}

/** A hosted payment page: the browser is redirected to `url`; `reference` is what webhooks report. */
export interface CheckoutSession {
  reference: string;
  url: string;
}

export type ProviderEvent =
  | {
      type: 'payment_succeeded' | 'payment_failed' | 'payment_refunded';
      /** What the payment was recorded under (a PaymentIntent, a Checkout Session), or its intent. */
      reference: string;
      amount: number;
      currency: string;
      /** A hosted page's underlying charge (Stripe: the session's PaymentIntent), when known. */
      intentReference?: string;
    }
  | { type: 'ignored'; reason: string };

/**
 * A card-payment provider. Amounts are integers in minor units, currencies ISO 4217 upper case.
 * `parseWebhook` verifies the signature and throws WebhookSignatureError when it does not hold.
 */
export interface PaymentProvider {
  readonly name: string;
  /** The smallest amount (minor units) the provider charges in `currency`; undefined: no known minimum. */
  minimumCharge?(currency: string): number | undefined;
  createPaymentIntent(input: { amount: number; currency: string; description: string; metadata: Record<string, string> }): Promise<PaymentIntent>;
  /** A hosted payment page for one amount (Stripe Checkout, mode payment). */
  createCheckoutSession(input: CheckoutSessionInput): Promise<CheckoutSession>;
  /**
   * Closes a pending payment (a hosted page, a PaymentIntent) so it can no longer be paid.
   * `complete`: too late, it was paid or is being paid (the provider's webhook will say so);
   * `closed`: closed now or before.
   */
  closePendingPayment(reference: string): Promise<'closed' | 'complete'>;
  capture(reference: string): Promise<{ status: ProviderPaymentStatus }>;
  refund(reference: string, amount?: number): Promise<{ reference: string; status: ProviderPaymentStatus }>;
  parseWebhook(rawBody: string, signature: string | null): ProviderEvent;
}

export class WebhookSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookSignatureError';
  }
}
