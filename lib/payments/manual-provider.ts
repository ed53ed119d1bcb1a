import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { WebhookSignatureError, type PaymentProvider, type ProviderEvent } from './provider';

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
    async capture() {
      return { status: 'pending' };
    },
    async refund(reference) {
      return { reference: `${reference}_refund`, status: 'pending' };
    },
    parseWebhook(rawBody, signature): ProviderEvent {
      const expected = Buffer.from(sign(rawBody));
      if (!signature || signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), expected)) throw new WebhookSignatureError('Bad signature');
      const event = JSON.parse(rawBody) as ProviderEvent;
      return event;
    },
  };
}
