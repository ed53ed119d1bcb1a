import type { Db } from '../db/client';
import { getSubscriptionById, listPlans } from '../db/queries/subscriptions';
import type { Driver } from '../db/schema';
import { notFound } from '../errors';
import { vatOf } from '../subscriptions/periods';
import { listSubscriptionViews, planView } from '../subscriptions/subscription-view';

/**
 * What the portal's subscription card shows a driver: the plans on offer (fee incl. VAT), the
 * subscription running now with its period's included energy used, and one scheduled after it.
 */
export async function getDriverSubscriptionOverview(db: Db, driverId: string, now: Date) {
  const [plans, subscriptions] = await Promise.all([listPlans(db), listSubscriptionViews(db, { driverId }, now)]);
  return {
    plans: plans.filter((plan) => plan.active).map((plan) => ({ ...planView(plan), monthlyGross: plan.monthlyFee + vatOf(plan.monthlyFee, plan.vatPercent) })),
    current: subscriptions.find((s) => s.status === 'active' || s.status === 'cancelled') ?? null,
    next: subscriptions.find((s) => s.status === 'scheduled') ?? null,
  };
}
export type DriverSubscriptionOverview = Awaited<ReturnType<typeof getDriverSubscriptionOverview>>;

/** A driver may cancel only their own subscription (anything else reads as not found). */
export async function requireOwnSubscription(db: Db, driver: Driver, subscriptionId: string): Promise<void> {
  const subscription = await getSubscriptionById(db, subscriptionId);
  if (!subscription || subscription.driverId !== driver.id) throw notFound('Subscription not found');
}
