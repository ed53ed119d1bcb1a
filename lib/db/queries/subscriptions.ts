import { and, asc, desc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { driverSubscriptions, drivers, subscriptionPlans, type DriverSubscription, type SubscriptionPlan } from '../schema';

export async function insertPlan(db: Db, row: typeof subscriptionPlans.$inferInsert): Promise<SubscriptionPlan> {
  const [inserted] = await db.insert(subscriptionPlans).values(row).returning();
  return inserted!;
}

export async function getPlanById(db: Db, id: string): Promise<SubscriptionPlan | undefined> {
  const [row] = await db.select().from(subscriptionPlans).where(eq(subscriptionPlans.id, id));
  return row;
}

export function listPlans(db: Db): Promise<SubscriptionPlan[]> {
  return db.select().from(subscriptionPlans).orderBy(asc(sql`lower(${subscriptionPlans.name})`));
}

export async function insertSubscription(db: Db, row: typeof driverSubscriptions.$inferInsert): Promise<DriverSubscription> {
  const [inserted] = await db.insert(driverSubscriptions).values(row).returning();
  return inserted!;
}

export async function getSubscriptionById(db: Db, id: string): Promise<DriverSubscription | undefined> {
  const [row] = await db.select().from(driverSubscriptions).where(eq(driverSubscriptions.id, id));
  return row;
}

export async function setSubscriptionEnd(db: Db, id: string, endsAt: Date): Promise<void> {
  await db.update(driverSubscriptions).set({ endsAt }).where(eq(driverSubscriptions.id, id));
}

/** Serialises subscription changes of one driver until the transaction ends. */
export async function lockDriverSubscriptions(db: Db, driverId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`subscriptions:${driverId}`}, 0))`);
}

/** The driver's subscriptions still running at or after `at` (not ended by then). */
export function listOpenSubscriptions(db: Db, driverId: string, at: Date): Promise<DriverSubscription[]> {
  return db
    .select()
    .from(driverSubscriptions)
    .where(and(eq(driverSubscriptions.driverId, driverId), or(isNull(driverSubscriptions.endsAt), gt(driverSubscriptions.endsAt, at))));
}

export type SubscriptionWithPlan = { subscription: DriverSubscription; plan: SubscriptionPlan; driverName: string; driverEmail: string | null };

/** Subscriptions begun by `now`, with plan and driver: the candidates for period fee invoices. */
export function listSubscriptionsBegunBy(db: Db, now: Date): Promise<SubscriptionWithPlan[]> {
  return db
    .select({ subscription: driverSubscriptions, plan: subscriptionPlans, driverName: drivers.name, driverEmail: drivers.email })
    .from(driverSubscriptions)
    .innerJoin(subscriptionPlans, eq(subscriptionPlans.id, driverSubscriptions.planId))
    .innerJoin(drivers, eq(drivers.id, driverSubscriptions.driverId))
    .where(lte(driverSubscriptions.startsAt, now))
    .orderBy(asc(driverSubscriptions.startsAt));
}

export async function getSubscriptionWithPlan(db: Db, id: string): Promise<SubscriptionWithPlan | undefined> {
  const [row] = await db
    .select({ subscription: driverSubscriptions, plan: subscriptionPlans, driverName: drivers.name, driverEmail: drivers.email })
    .from(driverSubscriptions)
    .innerJoin(subscriptionPlans, eq(subscriptionPlans.id, driverSubscriptions.planId))
    .innerJoin(drivers, eq(drivers.id, driverSubscriptions.driverId))
    .where(eq(driverSubscriptions.id, id));
  return row;
}

/** Every subscription, newest start first, with plan and driver (the Plans page). */
export function listSubscriptions(db: Db, limit = 500): Promise<SubscriptionWithPlan[]> {
  return db
    .select({ subscription: driverSubscriptions, plan: subscriptionPlans, driverName: drivers.name, driverEmail: drivers.email })
    .from(driverSubscriptions)
    .innerJoin(subscriptionPlans, eq(subscriptionPlans.id, driverSubscriptions.planId))
    .innerJoin(drivers, eq(drivers.id, driverSubscriptions.driverId))
    .orderBy(desc(driverSubscriptions.startsAt))
    .limit(limit);
}
