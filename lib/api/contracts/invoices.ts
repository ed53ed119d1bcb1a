import { z } from 'zod';
import { defineOperation } from '../operation';
import { invoiceKinds } from '../../db/schema/invoices';

const money = z.number().int().describe('minor units of the currency (cents); negative on a credit note');

export const invoiceSchema = z.object({
  id: z.uuid(),
  number: z.string().describe('INV-{year}-{000001}, or CN-… for a credit note; gap-free per series and year'),
  kind: z.enum(invoiceKinds),
  issuedAt: z.string(),
  currency: z.string(),
  net: money,
  vat: money,
  gross: money,
  transactionId: z.number().int().nullable(),
  driverId: z.uuid().nullable(),
  subscriptionId: z.uuid().nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  creditsInvoiceId: z.uuid().nullable().describe('a credit note: the invoice it reverses'),
  creditedBy: z.string().nullable().describe('the number of the credit note reversing this invoice'),
  customerName: z.string().nullable(),
  customerEmail: z.string().nullable(),
  note: z.string().nullable(),
  issuedBy: z.string(),
});

const paymentFields = {
  paid: money.describe('paid so far: card payments and wallet debits, less wallet refunds'),
  paymentState: z.enum(['paid', 'unpaid', 'partly_paid', 'credited', 'credit_note']),
};

/** An invoice line as the REST API shows it (also in a transaction's `invoice`). */
export const invoiceLineSchema = z.object({
  position: z.number().int(),
  component: z.string().describe('ENERGY, TIME, PARKING_TIME, FLAT, MIN_PRICE, MAX_PRICE, INCLUDED_ENERGY (subscription allowance), DISCOUNT (plan discount), SUBSCRIPTION_FEE, …'),
  description: z.string(),
  quantity: z.number(),
  unit: z.string(),
  unitPrice: z.number().describe('excl. VAT, currency units per unit'),
  net: money,
  vatRate: z.number().nullable(),
  vat: money,
  gross: money,
});

const invoiceIdParams = z.object({ id: z.uuid({ message: 'must be an invoice id (UUID)' }) });
const listQuery = z.object({
  from: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
  to: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
  driverId: z.uuid({ message: 'must be a driver id (UUID)' }).optional(),
});

export const listInvoicesOperation = defineOperation({
  method: 'get', path: '/api/v1/invoices', tag: 'Billing', role: 'viewer', summary: 'Invoices and credit notes issued in [from, to), newest first',
  query: listQuery, response: z.object({ data: z.array(invoiceSchema.extend({ creditsNumber: z.string().nullable(), ...paymentFields })) }),
});
export const exportInvoicesOperation = defineOperation({
  method: 'get', path: '/api/v1/invoices.csv', tag: 'Billing', role: 'viewer', summary: 'The same list as CSV for accounting (amounts as exact decimals)',
  query: listQuery,
});
export const getInvoiceOperation = defineOperation({
  method: 'get', path: '/api/v1/invoices/{id}', tag: 'Billing', role: 'viewer', summary: 'One invoice or credit note with its lines',
  params: invoiceIdParams, response: invoiceSchema.extend({ ...paymentFields, lines: z.array(invoiceLineSchema) }), errors: { 404: 'not_found' },
});
export const getInvoicePdfOperation = defineOperation({
  method: 'get', path: '/api/v1/invoices/{id}.pdf', tag: 'Billing', role: 'viewer', summary: 'The invoice as a PDF (application/pdf)',
  params: invoiceIdParams, errors: { 404: 'not_found' },
});
export const issueSessionInvoiceOperation = defineOperation({
  method: 'post', path: '/api/v1/transactions/{id}/invoice', tag: 'Billing', role: 'operator',
  summary: 'Issue the invoice of a stopped, priced session (issued automatically at StopTransaction; issuing again returns the same invoice)',
  params: z.object({ id: z.coerce.number({ message: 'must be a transaction id' }).int({ message: 'must be a transaction id' }).min(1, { message: 'must be a transaction id' }) }),
  response: invoiceSchema, responseStatus: 201, errors: { 404: 'not_found', 409: 'session_running | not_priced' },
});
export const creditInvoiceOperation = defineOperation({
  method: 'post', path: '/api/v1/invoices/{id}/credit-note', tag: 'Billing', role: 'admin',
  summary: 'Reverse an invoice in full with a credit note (its own CN numbering); the invoice itself never changes',
  params: invoiceIdParams, body: z.strictObject({ reason: z.string({ message: 'is required' }).trim().min(1, { message: 'is required' }).max(500) }),
  response: invoiceSchema, responseStatus: 201, errors: { 404: 'not_found', 409: 'already_credited | is_credit_note' },
});
export const issueMonthlyInvoicesOperation = defineOperation({
  method: 'post', path: '/api/v1/invoices/monthly', tag: 'Billing', role: 'admin',
  summary: 'Issue the monthly invoices due now, as the scheduler does every 10 min (e.g. right after a credit note released a monthly invoice’s sessions); audited as the caller',
  response: z.object({ data: z.array(invoiceSchema) }),
});
