import { z } from 'zod';
import { defineOperation } from '../operation';
import { invoicingModes } from '../../db/schema/statements';

const money = z.number().int().describe('minor units of the wallet currency');

export const getWalletStatementOperation = defineOperation({
  method: 'get', path: '/api/v1/wallets/{id}/statement', tag: 'Billing', role: 'viewer',
  summary: 'A wallet statement for a calendar month (UTC): opening balance, every ledger entry with the running balance, closing balance; as JSON, CSV or PDF',
  params: z.object({ id: z.uuid({ message: 'must be a wallet id (UUID)' }) }),
  query: z.object({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month as YYYY-MM' }),
    format: z.enum(['json', 'csv', 'pdf'], { message: 'must be json, csv or pdf' }).default('json'),
  }),
  response: z.object({
    walletId: z.uuid(), driverName: z.string(), currency: z.string(), month: z.string(), opening: money, closing: money,
    entries: z.array(z.object({ id: z.number().int(), kind: z.string(), amount: money, balance: money, transactionId: z.number().int().nullable(), invoiceId: z.uuid().nullable(), note: z.string().nullable(), createdAt: z.string() })),
  }),
  errors: { 404: 'not_found' },
});

export const setInvoicingModeOperation = defineOperation({
  method: 'put', path: '/api/v1/drivers/{id}/invoicing', tag: 'Billing', role: 'operator',
  summary: "How the driver's sessions are invoiced from the next stop on: `subject` driver (their own setting; `inherit` removes it) or company (every driver of their company); per_session (default) or monthly; audited",
  params: z.object({ id: z.uuid({ message: 'must be a driver id (UUID)' }) }),
  body: z.strictObject({ subject: z.enum(['driver', 'company'], { message: 'must be driver or company' }), mode: z.enum([...invoicingModes, 'inherit'], { message: 'must be per_session, monthly or inherit' }) }),
  response: z.object({ mode: z.enum(invoicingModes), source: z.enum(['default', 'driver', 'company']) }),
  errors: { 404: 'not_found' },
});
