import type { Db } from '../db/client';
import { getPlanById, listOpenSubscriptions } from '../db/queries/subscriptions';
import type { DriverSubscription, Invoice } from '../db/schema';
import type { Actor } from '../auth/roles';
import { badRequest, conflict } from '../errors';
import { invoiceSubscriptionFeesDue } from './invoice-subscription-fees';
import { subscribeDriver } from './manage-subscriptions';

/**
 * A driver takes a plan (REST and the driver portal). Proration rule: none. Signing up starts the
 * first period at once and invoices its full fee at once; later periods are invoiced by the
 * scheduler as they begin (calendar months from the start); a cancellation takes effect at the end
 * of the period under way. Switching plans = cancel, then sign up: the new subscription starts when
 * the cancelled one ends (the next period), so no two plans ever overlap.
 */
export async function signUpForPlan(db: Db, actor: Actor, input: { driverId: string; planId: string }, now: Date): Promise<{ subscription: DriverSubscription; invoices: Invoice[] }> {
  const plan = await getPlanById(db, input.planId);
  if (!plan) throw badRequest('planId: no such plan', 'planId');
  if (!plan.active) throw badRequest('planId: the plan is not offered any more', 'planId');
  const open = await listOpenSubscriptions(db, input.driverId, now);
  if (open.some((subscription) => !subscription.endsAt)) {
    throw conflict('already_subscribed', 'driverId: the driver has a running subscription; cancel it first (the new plan then starts when it ends)', 'driverId');
  }
  const startsAt = open.reduce((latest, subscription) => (subscription.endsAt! > latest ? subscription.endsAt! : latest), now);
  const subscription = await subscribeDriver(db, actor, { ...input, startsAt });
  return { subscription, invoices: await invoiceSubscriptionFeesDue(db, subscription.id, now) };
}
