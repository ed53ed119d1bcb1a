'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { userActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { cancelSubscription, createPlan, subscribeDriver, updatePlan } from '@/lib/subscriptions/manage-subscriptions';
import { invoiceDueSubscriptionFees } from '@/lib/subscriptions/invoice-subscription-fees';
import { parseAmount } from '@/lib/wallets/parse-amount';

const planForm = z.object({
  name: z.string().trim().min(1, { message: 'is required' }).max(120),
  currency: z.string().trim().toUpperCase().length(3, { message: 'must be a 3-letter ISO 4217 code' }),
  monthlyFee: z.string().trim(),
  vatPercent: z.coerce.number({ message: 'must be a number' }).min(0, { message: 'must be ≥ 0' }).max(100, { message: 'must be ≤ 100' }),
  discountPercent: z.coerce.number({ message: 'must be a number' }).int({ message: 'must be a whole number' }).min(0).max(100, { message: 'must be ≤ 100' }),
  includedKwh: z.string().trim().regex(/^\d{1,6}(\.\d{1,3})?$/, { message: 'must be kWh with up to 3 decimals, e.g. 50 or 12.5' }),
  tariffId: z.union([z.uuid(), z.literal('')]),
}).superRefine((input, ctx) => {
  if (input.monthlyFee !== '0' && parseAmount(input.monthlyFee, input.currency) === undefined) {
    ctx.addIssue({ code: 'custom', path: ['monthlyFee'], message: 'must be an amount, e.g. 9.99' });
  }
});

/** The fee is typed as a decimal and parsed to minor units by string arithmetic (no float). */
export const createPlanAction = formAction('admin', planForm, async (input, user) => {
  const monthlyFee = input.monthlyFee === '0' ? 0 : parseAmount(input.monthlyFee, input.currency)!;
  const [whole, fraction = ''] = input.includedKwh.split('.');
  const includedWh = Number(whole) * 1000 + Number(fraction.padEnd(3, '0'));
  await createPlan(getDb(), userActor(user), { name: input.name, currency: input.currency, vatPercent: input.vatPercent, discountPercent: input.discountPercent, monthlyFee, includedWh, tariffId: input.tariffId || null });
  revalidatePath('/billing/plans');
  return { ok: true, message: 'Plan created.' };
});

const subscribeForm = z.object({
  driverId: z.uuid({ message: 'Choose a driver' }),
  planId: z.uuid({ message: 'Choose a plan' }),
  startsOn: z.iso.date({ message: 'must be a date' }),
});

/** The subscription starts at 00:00 UTC of the chosen day; periods that have begun are invoiced at once. */
export const subscribeDriverAction = formAction('admin', subscribeForm, async (input, user) => {
  const db = getDb();
  await subscribeDriver(db, userActor(user), { driverId: input.driverId, planId: input.planId, startsAt: new Date(`${input.startsOn}T00:00:00Z`) });
  await invoiceDueSubscriptionFees(db, new Date());
  revalidatePath('/billing/plans');
  revalidatePath('/billing/invoices');
  return { ok: true, message: 'Subscribed. The first period is invoiced when it begins.' };
});

export const cancelSubscriptionAction = formAction('admin', z.object({ subscriptionId: z.uuid() }), async (input, user) => {
  const cancelled = await cancelSubscription(getDb(), userActor(user), input.subscriptionId);
  revalidatePath('/billing/plans');
  return { ok: true, message: `Ends ${cancelled.endsAt?.toISOString().slice(0, 10)}, at the end of the period under way (no proration).` };
});

/** Offer a plan to new subscribers (the portal lists it) or withdraw it; running subscriptions go on. */
export const setPlanOfferedAction = formAction('admin', z.object({ planId: z.uuid(), active: z.enum(['true', 'false']) }), async (input, user) => {
  const plan = await updatePlan(getDb(), userActor(user), input.planId, { active: input.active === 'true' });
  revalidatePath('/billing/plans');
  return { ok: true, message: plan.active ? 'Offered.' : 'Withdrawn: running subscriptions go on.' };
});
