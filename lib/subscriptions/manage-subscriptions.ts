import type { Db } from '../db/client';
import { getDriverById } from '../db/queries/drivers';
import { getPlanById, getSubscriptionById, insertPlan, insertSubscription, listOpenSubscriptions, lockDriverSubscriptions, setSubscriptionEnd, updatePlan as updatePlanRow } from '../db/queries/subscriptions';
import { getTariffById } from '../db/queries/tariffs';
import type { DriverSubscription, SubscriptionPlan } from '../db/schema';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { badRequest, conflict, notFound } from '../errors';
import { isUniqueViolation } from '../id-tags/is-unique-violation';
import { isKnownCurrency } from '../pricing/currency';
import { periodAt } from './periods';

export interface PlanInput {
  name: string;
  currency: string;
  monthlyFee: number;
  vatPercent?: number;
  includedWh?: number;
  discountPercent?: number;
  tariffId?: string | null;
  active?: boolean;
}

/** Field rules shared by create and update: each failure names its field. */
export function checkPlanFields(input: Partial<PlanInput>): void {
  if (input.currency !== undefined && !isKnownCurrency(input.currency)) throw badRequest('currency: must be an ISO 4217 code', 'currency');
  if (input.monthlyFee !== undefined && (!Number.isSafeInteger(input.monthlyFee) || input.monthlyFee < 0)) throw badRequest('monthlyFee: must be ≥ 0 minor units', 'monthlyFee');
  if (input.includedWh !== undefined && (!Number.isSafeInteger(input.includedWh) || input.includedWh < 0 || input.includedWh > 2 ** 31 - 1)) throw badRequest('includedWh: must be a whole number of Wh ≥ 0', 'includedWh');
  const discount = input.discountPercent;
  if (discount !== undefined && (!Number.isInteger(discount) || discount < 0 || discount > 100)) throw badRequest('discountPercent: must be a whole number from 0 to 100', 'discountPercent');
  if (input.vatPercent !== undefined && !(input.vatPercent >= 0 && input.vatPercent <= 100)) throw badRequest('vatPercent: must be from 0 to 100', 'vatPercent');
}

const nameTaken = (error: unknown) => (isUniqueViolation(error, 'subscription_plans_name_unique') ? conflict('name_taken', 'name: a plan with this name exists', 'name') : error);

export async function createPlan(db: Db, actor: Actor, input: PlanInput): Promise<SubscriptionPlan> {
  checkPlanFields(input);
  return db
    .transaction(async (tx) => {
      if (input.tariffId && !(await getTariffById(tx, input.tariffId))) throw badRequest('tariffId: no such tariff', 'tariffId');
      const plan = await insertPlan(tx, { ...input, discountPercent: input.discountPercent ?? 0, tariffId: input.tariffId ?? null });
      await recordAudit(tx, actor, { action: 'subscription_plan.create', targetType: 'subscription_plan', targetId: plan.id, after: plan });
      return plan;
    })
    .catch((error: unknown) => Promise.reject(nameTaken(error)));
}

/**
 * Changes a plan. The currency is fixed (fees and sessions already invoiced are in it). A new fee is
 * invoiced from the next period that begins; new included energy or discount apply to sessions
 * invoiced from now on (each period's allowance is the plan's `includedWh` at the time a session is
 * invoiced). Inactive plans are not offered to new subscribers; running subscriptions go on.
 */
export async function updatePlan(db: Db, actor: Actor, id: string, patch: Partial<Omit<PlanInput, 'currency'>>): Promise<SubscriptionPlan> {
  checkPlanFields(patch);
  return db
    .transaction(async (tx) => {
      const before = await getPlanById(tx, id);
      if (!before) throw notFound('Plan not found');
      if (patch.tariffId && !(await getTariffById(tx, patch.tariffId))) throw badRequest('tariffId: no such tariff', 'tariffId');
      const plan = Object.keys(patch).length === 0 ? before : (await updatePlanRow(tx, id, patch))!;
      await recordAudit(tx, actor, { action: 'subscription_plan.update', targetType: 'subscription_plan', targetId: id, before, after: plan });
      return plan;
    })
    .catch((error: unknown) => Promise.reject(nameTaken(error)));
}

/** A driver on a plan from `startsAt`; one running subscription per driver at a time. */
export async function subscribeDriver(db: Db, actor: Actor, input: { driverId: string; planId: string; startsAt: Date }): Promise<DriverSubscription> {
  return db.transaction(async (tx) => {
    await lockDriverSubscriptions(tx, input.driverId);
    if (!(await getDriverById(tx, input.driverId))) throw badRequest('driverId: no such driver', 'driverId');
    if (!(await getPlanById(tx, input.planId))) throw badRequest('planId: no such plan', 'planId');
    if ((await listOpenSubscriptions(tx, input.driverId, input.startsAt)).length > 0) {
      throw conflict('already_subscribed', 'The driver has a subscription running then; cancel it first', 'driverId');
    }
    const subscription = await insertSubscription(tx, input);
    await recordAudit(tx, actor, { action: 'subscription.create', targetType: 'subscription', targetId: subscription.id, after: subscription });
    return subscription;
  });
}

/**
 * Cancels at the end of the current period. Proration rule: none — the period under way was
 * invoiced at its start and runs to its end; no later period is invoiced.
 */
export async function cancelSubscription(db: Db, actor: Actor, subscriptionId: string, now = new Date()): Promise<DriverSubscription> {
  return db.transaction(async (tx) => {
    const subscription = await getSubscriptionById(tx, subscriptionId);
    if (!subscription) throw notFound('Subscription not found');
    const endsAt = now < subscription.startsAt ? subscription.startsAt : periodAt(subscription.startsAt, now).end;
    if (subscription.endsAt && subscription.endsAt <= endsAt) return subscription;
    if (endsAt.getTime() === subscription.startsAt.getTime()) throw conflict('not_started', 'The subscription has not started: nothing to cancel yet');
    await setSubscriptionEnd(tx, subscriptionId, endsAt);
    await recordAudit(tx, actor, { action: 'subscription.cancel', targetType: 'subscription', targetId: subscriptionId, after: { endsAt } });
    return { ...subscription, endsAt };
  });
}
