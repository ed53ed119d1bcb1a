import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { WebhookSignatureError, type PaymentProvider, type ProviderEvent } from './provider';

const manualEvent = z.object({
  type: z.enum(['payment_succeeded', 'payment_failed', 'payment_refunded']),
  reference: z.string().min(1),
  amount: z.number().int(),
  currency: z.string().length(3),
});

/**
 * A provider for development and tests, with no card network: intents are created pending and
 * settle only when a webhook signed with the shared secret (HMAC-SHA256 of the body, hex) reports
 * it — the same path a real provider takes. Nothing is ever marked paid without that report.
 */
export function createManualProvider(secret: string): PaymentProvider & { sign(body: string): string } {
  const sign = (body: string) => createHmac('sha256', secret).update(body).digest('hex');
  return {
    name: 'manual',
    sign,
    async createPaymentIntent() {
      return { reference: `manual_${randomUUID()}`, clientSecret: null, status: 'pending' };
    },
    /** No hosted page: the browser goes straight to the return page, which stays pending until a signed report. */
    async createCheckoutSession({ successUrl }) {
      return { reference: `manual_cs_${randomUUID()}`, url: successUrl };
    },
    async closePendingPayment() {
      return 'closed' as const; // no hosted page, no card: nothing can be paid on it
    },
    async capture() {
      return { status: 'pending' };
    },
    async refund(reference) {
      return { reference: `${reference}_refund`, status: 'pending' };
    },
    parseWebhook(rawBody, signature): ProviderEvent {
      const expected = Buffer.from(sign(rawBody));
      if (!signature || signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), expected)) throw new WebhookSignatureError('Bad signature');
      const parsed = manualEvent.safeParse(JSON.parse(rawBody));
      return parsed.success ? parsed.data : { type: 'ignored', reason: 'not a payment report' };
    },
  };
}
