import { z } from 'zod';
import { defineOperation } from '../operation';

const wholeNumber = (what: string) => z.number({ message: `must be ${what}` }).int({ message: `must be ${what}` });
const planSchema = z.object({
  id: z.uuid(), name: z.string(), currency: z.string(),
  monthlyFee: z.number().int().describe('minor units, excl. VAT; invoiced at the start of each period'),
  vatPercent: z.number(), includedWh: z.number().int().describe('energy included per period, in Wh: taken by the sessions that stop in the period, in order'),
  discountPercent: z.number().int(), tariffId: z.uuid().nullable(), active: z.boolean().describe('offered to new subscribers'), createdAt: z.string(),
});
const subscriptionSchema = z.object({
  id: z.uuid(), driverId: z.uuid(), driverName: z.string(), plan: planSchema, startsAt: z.string(), endsAt: z.string().nullable(),
  status: z.enum(['scheduled', 'active', 'cancelled', 'ended']).describe('cancelled: runs to the end of the period under way'),
  currentPeriod: z.object({ start: z.string(), end: z.string(), includedWh: z.number().int(), usedWh: z.number().int(), remainingWh: z.number().int() }).nullable(),
});
const planFields = {
  name: z.string().trim().min(1, { message: 'is required' }).max(120),
  monthlyFee: wholeNumber('an integer in minor units').min(0, { message: 'must be ≥ 0' }),
  vatPercent: z.number({ message: 'must be a number' }).min(0, { message: 'must be ≥ 0' }).max(100, { message: 'must be ≤ 100' }),
  includedWh: wholeNumber('a whole number of Wh').min(0, { message: 'must be ≥ 0' }).max(2 ** 31 - 1),
  discountPercent: wholeNumber('a whole number').min(0, { message: 'must be ≥ 0' }).max(100, { message: 'must be ≤ 100' }),
  tariffId: z.uuid({ message: 'must be a tariff id (UUID)' }).nullable(),
  active: z.boolean({ message: 'must be true or false' }),
};
const idParams = (what: string) => z.object({ id: z.uuid({ message: `must be a ${what} id (UUID)` }) });

export const listPlansOperation = defineOperation({
  method: 'get', path: '/api/v1/plans', tag: 'Billing', role: 'viewer', summary: 'Subscription plans',
  response: z.object({ data: z.array(planSchema) }),
});
export const createPlanOperation = defineOperation({
  method: 'post', path: '/api/v1/plans', tag: 'Billing', role: 'admin', summary: 'Create a subscription plan (monthly fee, included Wh per period, discount %, optional tariff)',
  body: z.strictObject({ ...planFields, currency: z.string().length(3, { message: 'must be a 3-letter ISO 4217 code' }), vatPercent: planFields.vatPercent.optional(), includedWh: planFields.includedWh.optional(), discountPercent: planFields.discountPercent.optional(), tariffId: planFields.tariffId.optional(), active: planFields.active.optional() }),
  response: planSchema, responseStatus: 201, errors: { 409: 'name_taken' },
});
export const getPlanOperation = defineOperation({
  method: 'get', path: '/api/v1/plans/{id}', tag: 'Billing', role: 'viewer', summary: 'One subscription plan',
  params: idParams('plan'), response: planSchema, errors: { 404: 'not_found' },
});
export const updatePlanOperation = defineOperation({
  method: 'patch', path: '/api/v1/plans/{id}', tag: 'Billing', role: 'admin',
  summary: 'Change a plan (not its currency): a new fee applies from the next period invoiced, included Wh and discount to sessions invoiced from now on; `active: false` stops offering it',
  params: idParams('plan'), body: z.strictObject(planFields).partial(), response: planSchema, errors: { 404: 'not_found', 409: 'name_taken' },
});
export const listSubscriptionsOperation = defineOperation({
  method: 'get', path: '/api/v1/subscriptions', tag: 'Billing', role: 'viewer', summary: 'Subscriptions (newest start first), optionally of one driver, with the current period’s included energy used',
  query: z.object({ driverId: z.uuid({ message: 'must be a driver id (UUID)' }).optional() }), response: z.object({ data: z.array(subscriptionSchema) }),
});
export const createSubscriptionOperation = defineOperation({
  method: 'post', path: '/api/v1/subscriptions', tag: 'Billing', role: 'admin',
  summary: 'Subscribe a driver: the first period starts now and its full fee is invoiced now (no proration); after a cancellation the new plan starts when the old one ends',
  body: z.strictObject({ driverId: z.uuid({ message: 'must be a driver id (UUID)' }), planId: z.uuid({ message: 'must be a plan id (UUID)' }) }),
  response: subscriptionSchema.extend({ invoiceIds: z.array(z.uuid()).describe('fee invoices issued now') }), responseStatus: 201, errors: { 409: 'already_subscribed' },
});
export const cancelSubscriptionOperation = defineOperation({
  method: 'post', path: '/api/v1/subscriptions/{id}/cancel', tag: 'Billing', role: 'admin',
  summary: 'Cancel at the end of the period under way (that period was invoiced in full at its start: no refund, no proration)',
  params: idParams('subscription'), response: subscriptionSchema, errors: { 404: 'not_found', 409: 'not_started' },
});
