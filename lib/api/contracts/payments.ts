import { z } from 'zod';
import { defineOperation } from '../operation';

const money = z.number().int().describe('minor units of the currency');
const paymentStart = z.object({ paymentId: z.uuid(), provider: z.string(), reference: z.string(), amount: money, currency: z.string(), clientSecret: z.string().nullable().describe('for Stripe.js to confirm the card') });

export const stripeWebhookOperation = defineOperation({
  method: 'post', path: '/api/v1/payments/webhooks/stripe', tag: 'Billing', role: null,
  summary: 'Stripe webhook (checkout.session.completed / async_payment_succeeded / async_payment_failed / expired, payment_intent.succeeded / payment_failed, charge.refunded); the Stripe-Signature header is verified with STRIPE_WEBHOOK_SECRET',
  response: z.object({ outcome: z.enum(['applied', 'duplicate', 'unknown_payment', 'ignored', 'mismatch']) }), errors: { 404: 'payments_disabled' },
});
export const payInvoiceOperation = defineOperation({
  method: 'post', path: '/api/v1/invoices/{id}/payments', tag: 'Billing', role: 'operator',
  summary: 'Start a card payment of what is still owed on an invoice (PaymentIntent); paid only when the provider reports it',
  params: z.object({ id: z.uuid({ message: 'must be an invoice id (UUID)' }) }), response: paymentStart, responseStatus: 201,
  errors: { 400: 'invalid_request (field amount: what is owed is below the card provider’s minimum charge for the currency)', 404: 'not_found', 409: 'card_payments_disabled | already_paid | not_payable' },
});
export const reconciliationOperation = defineOperation({
  method: 'get', path: '/api/v1/payments/reconciliation', tag: 'Billing', role: 'viewer',
  summary: 'Paid vs invoiced per UTC day in [from, to), and every invoice whose payments do not add up to its gross',
  query: z.object({ from: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }), to: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }) }),
  response: z.object({
    from: z.string(), to: z.string(),
    days: z.array(z.object({ day: z.string(), currency: z.string(), invoiced: money, paid: money, difference: money })),
    mismatches: z.array(z.object({ invoiceId: z.uuid(), number: z.string(), issuedAt: z.string(), currency: z.string(), gross: money, paid: money, outstanding: money })),
  }),
});
