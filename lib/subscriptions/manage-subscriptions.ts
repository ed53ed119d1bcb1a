import type { Db } from '../db/client';
import { getDriverById } from '../db/queries/drivers';
import { getPlanById, getSubscriptionById, insertPlan, insertSubscription, listOpenSubscriptions, lockDriverSubscriptions, setSubscriptionEnd } from '../db/queries/subscriptions';
import { getTariffById } from '../db/queries/tariffs';
import type { DriverSubscription, SubscriptionPlan } from '../db/schema';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { badRequest, conflict, notFound } from '../errors';
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
}

export async function createPlan(db: Db, actor: Actor, input: PlanInput): Promise<SubscriptionPlan> {
  if (!isKnownCurrency(input.currency)) throw badRequest('currency: must be an ISO 4217 code', 'currency');
  if (!Number.isSafeInteger(input.monthlyFee) || input.monthlyFee < 0) throw badRequest('monthlyFee: must be ≥ 0 minor units', 'monthlyFee');
  const discount = input.discountPercent ?? 0;
  if (!Number.isInteger(discount) || discount < 0 || discount > 100) throw badRequest('discountPercent: must be a whole number from 0 to 100', 'discountPercent');
  return db.transaction(async (tx) => {
    if (input.tariffId && !(await getTariffById(tx, input.tariffId))) throw badRequest('tariffId: no such tariff', 'tariffId');
    const plan = await insertPlan(tx, { ...input, discountPercent: discount, tariffId: input.tariffId ?? null });
    await recordAudit(tx, actor, { action: 'subscription_plan.create', targetType: 'subscription_plan', targetId: plan.id, after: plan });
    return plan;
  });
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
