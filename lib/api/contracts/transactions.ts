import { z } from 'zod';
import { defineOperation } from '../operation';
import { invoiceLineSchema } from './invoices';
import { tariffSources } from '../../db/schema/billing';

const money = z.number().int().describe('minor units of the currency (cents)');

export const costSchema = z.object({
  currency: z.string(),
  lines: z.array(
    z.object({
      component: z.enum(['ENERGY', 'TIME', 'PARKING_TIME', 'FLAT']),
      elementIndex: z.number().int(),
      volume: z.number().describe('billed volume incl. step_size rounding'),
      volumeUnit: z.enum(['Wh', 's', 'session']),
      roundedUpBy: z.number(),
      unitPrice: z.number().describe('excl. VAT, currency units per kWh, per hour or per session'),
      net: money,
      vatRate: z.number().nullable().describe('percent; null: no VAT applies'),
      vat: money,
      gross: money,
    }),
  ),
  minMaxAdjustment: z.object({ reason: z.enum(['MIN_PRICE', 'MAX_PRICE']), net: money, vat: money, gross: money }).nullable(),
  net: money,
  vat: money,
  gross: money,
  isFinal: z.boolean().describe('false: the cost so far of a running session'),
  pricedFrom: z.string(),
  pricedUntil: z.string(),
  usage: z.object({ energyWh: z.number(), chargingSeconds: z.number(), idleSeconds: z.number() }),
  timeZone: z.string().describe("the site's zone the tariff's time restrictions were evaluated in"),
  tariff: z.object({ id: z.uuid(), name: z.string(), version: z.number().int(), versionId: z.uuid(), appliedVia: z.enum(tariffSources).describe('id_tag > driver > subscription_plan > connector > station > site > default') }),
});

const transactionInvoiceLineSchema = invoiceLineSchema.omit({ position: true });

export const sessionInvoiceSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  revision: z.number().int(),
  issuedAt: z.string(),
  currency: z.string(),
  lines: z.array(transactionInvoiceLineSchema),
  net: money,
  vat: money,
  gross: money,
});

export const monthlySessionSchema = z.object({
  status: z.enum(['invoiced', 'pending']).describe("invoiced: on its account's monthly invoice; pending: that invoice is not issued yet (or was credited and the session waits for the next one)"),
  accountName: z.string().describe('the driver or company invoiced'),
  month: z.string().describe('YYYY-MM (UTC): the month whose invoice carries the session'),
  invoice: z.object({ id: z.uuid(), number: z.string(), issuedAt: z.string() }).nullable().describe('the monthly invoice it is on; null while pending'),
  currency: z.string(),
  lines: z.array(transactionInvoiceLineSchema).describe("the price stored at the stop: the tariff's lines, then INCLUDED_ENERGY and DISCOUNT (what the subscription takes off)"),
  invoiceLines: z.array(transactionInvoiceLineSchema).describe("the session's own lines on the monthly invoice: a SESSION line per VAT rate (the sums of its lines but the included energy) and its INCLUDED_ENERGY line"),
  net: money,
  vat: money,
  gross: money,
});

export const sessionTotalSchema = z.object({
  basis: z
    .enum(['invoice', 'monthly_invoice', 'monthly_pending', 'tariff', 'estimate'])
    .describe(
      "invoice: the session's invoice (after included energy and plan discount); monthly_invoice: invoiced monthly and on its monthly invoice, the price stored at the stop (after included energy and plan discount); monthly_pending: invoiced monthly, the same stored price, its monthly invoice not issued yet; tariff: stopped, not invoiced, tariff price before any subscription benefit; estimate: running, cost so far before any subscription benefit",
    ),
  currency: z.string(),
  net: money,
  vat: money,
  gross: money,
});

export const getTransactionOperation = defineOperation({
  method: 'get', path: '/api/v1/transactions/{id}', tag: 'Sessions', role: 'viewer',
  summary:
    "One transaction with its cost. `cost` is the tariff's breakdown (final when stopped, so far when running; null with `costUnavailable` when no tariff applies); `invoice` the session's invoice once issued (with the subscription's included-energy and discount lines); `monthly` the stored price of a monthly-invoiced session and its monthly invoice; `total` the amount to show, with its basis",
  params: z.object({ id: z.coerce.number({ message: 'must be a transaction id' }).int({ message: 'must be a transaction id' }).min(1, { message: 'must be a transaction id' }) }),
  response: z.looseObject({
    id: z.number().int(),
    stationId: z.string(),
    connectorId: z.number().int(),
    startedAt: z.string(),
    stoppedAt: z.string().nullable(),
    meterStart: z.number(),
    meterStop: z.number().nullable(),
    cost: costSchema.nullable(),
    costUnavailable: z.object({ code: z.string(), message: z.string() }).nullable(),
    invoice: sessionInvoiceSchema.nullable().describe('the latest session invoice that is not credited; null while running or not invoiced'),
    monthly: monthlySessionSchema.nullable().describe('a stopped session invoiced monthly (and not per session): its price as its monthly invoice carries it; null otherwise'),
    total: sessionTotalSchema.nullable(),
  }),
  errors: { 404: 'not_found' },
});

const transactionIdParams = z.object({ id: z.coerce.number({ message: 'must be a transaction id' }).int({ message: 'must be a transaction id' }).min(1, { message: 'must be a transaction id' }) });

export const reviewTransactionOperation = defineOperation({
  method: 'post', path: '/api/v1/transactions/{id}/review', tag: 'Sessions', role: 'operator',
  summary: 'Mark a session flagged "Needs review" (closed by the stuck-session reconciliation) as reviewed, with an optional note; audited',
  params: transactionIdParams,
  body: z.strictObject({ note: z.string().max(500, { message: 'at most 500 characters' }).optional() }).optional(),
  response: z.object({ id: z.number().int(), needsReview: z.literal(false), reviewNote: z.string().nullable() }),
  errors: { 404: 'not_found', 409: 'not_flagged: the session is not flagged for review' },
});
