import type { Db } from '../db/client';
import { getSubscriptionWithPlan, listDriverSubscriptions, listIncludedEnergyUsed, listSubscriptions, type SubscriptionWithPlan } from '../db/queries/subscriptions';
import type { SubscriptionPlan } from '../db/schema';
import { periodAt } from './periods';

export function planView(plan: SubscriptionPlan) {
  const { id, name, currency, monthlyFee, vatPercent, includedWh, discountPercent, tariffId, active } = plan;
  return { id, name, currency, monthlyFee, vatPercent, includedWh, discountPercent, tariffId, active, createdAt: plan.createdAt.toISOString() };
}

export type SubscriptionStatus = 'scheduled' | 'active' | 'cancelled' | 'ended';

/** A subscription as REST and the portal show it: its status and, while it runs, the current period's allowance. */
export function subscriptionView({ subscription, plan, driverName }: SubscriptionWithPlan, usedWh: (periodStart: Date) => number, now: Date) {
  const started = subscription.startsAt <= now;
  const ended = subscription.endsAt !== null && subscription.endsAt <= now;
  const status: SubscriptionStatus = !started ? 'scheduled' : ended ? 'ended' : subscription.endsAt ? 'cancelled' : 'active';
  const period = started && !ended ? periodAt(subscription.startsAt, now) : null;
  const used = period ? Math.min(usedWh(period.start), plan.includedWh) : 0;
  return {
    id: subscription.id,
    driverId: subscription.driverId,
    driverName,
    plan: planView(plan),
    startsAt: subscription.startsAt.toISOString(),
    endsAt: subscription.endsAt?.toISOString() ?? null,
    status,
    currentPeriod: period ? { start: period.start.toISOString(), end: period.end.toISOString(), includedWh: plan.includedWh, usedWh: used, remainingWh: plan.includedWh - used } : null,
  };
}
export type SubscriptionView = ReturnType<typeof subscriptionView>;

/** Every subscription (newest first) or one driver's, with the current period's usage. */
export async function listSubscriptionViews(db: Db, filter: { driverId?: string }, now: Date): Promise<SubscriptionView[]> {
  const rows = filter.driverId ? await listDriverSubscriptions(db, filter.driverId) : await listSubscriptions(db);
  return viewsOf(db, rows, now);
}

export async function getSubscriptionView(db: Db, id: string, now: Date): Promise<SubscriptionView | undefined> {
  const row = await getSubscriptionWithPlan(db, id);
  return row ? (await viewsOf(db, [row], now))[0] : undefined;
}

async function viewsOf(db: Db, rows: SubscriptionWithPlan[], now: Date): Promise<SubscriptionView[]> {
  const usage = await listIncludedEnergyUsed(db, rows.map((row) => row.subscription.id));
  const used = new Map(usage.map((row) => [`${row.subscriptionId}/${row.periodStart.getTime()}`, row.wh]));
  return rows.map((row) => subscriptionView(row, (start) => used.get(`${row.subscription.id}/${start.getTime()}`) ?? 0, now));
}
