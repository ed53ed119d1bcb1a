import { and, asc, desc, eq, gt, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { driverSubscriptions, drivers, subscriptionEnergyUsage, subscriptionPlans, type DriverSubscription, type SubscriptionPlan } from '../schema';

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

/** Subscriptions joined to their plan and driver: what every SubscriptionWithPlan query starts from. */
function selectSubscriptionsWithPlan(db: Db) {
  return db
    .select({ subscription: driverSubscriptions, plan: subscriptionPlans, driverName: drivers.name, driverEmail: drivers.email })
    .from(driverSubscriptions)
    .innerJoin(subscriptionPlans, eq(subscriptionPlans.id, driverSubscriptions.planId))
    .innerJoin(drivers, eq(drivers.id, driverSubscriptions.driverId));
}

/** Subscriptions begun by `now`, with plan and driver: the candidates for period fee invoices. */
export function listSubscriptionsBegunBy(db: Db, now: Date): Promise<SubscriptionWithPlan[]> {
  return selectSubscriptionsWithPlan(db)
    .where(lte(driverSubscriptions.startsAt, now))
    .orderBy(asc(driverSubscriptions.startsAt));
}

export async function getSubscriptionWithPlan(db: Db, id: string): Promise<SubscriptionWithPlan | undefined> {
  const [row] = await selectSubscriptionsWithPlan(db).where(eq(driverSubscriptions.id, id));
  return row;
}

/** Every subscription, newest start first, with plan and driver (the Plans page). */
export function listSubscriptions(db: Db, limit = 500): Promise<SubscriptionWithPlan[]> {
  return selectSubscriptionsWithPlan(db)
    .orderBy(desc(driverSubscriptions.startsAt))
    .limit(limit);
}

export async function updatePlan(db: Db, id: string, patch: Partial<typeof subscriptionPlans.$inferInsert>): Promise<SubscriptionPlan | undefined> {
  const [row] = await db.update(subscriptionPlans).set(patch).where(eq(subscriptionPlans.id, id)).returning();
  return row;
}

/** A driver's subscriptions, newest start first, with their plans. */
export function listDriverSubscriptions(db: Db, driverId: string): Promise<SubscriptionWithPlan[]> {
  return selectSubscriptionsWithPlan(db)
    .where(eq(driverSubscriptions.driverId, driverId))
    .orderBy(desc(driverSubscriptions.startsAt));
}

/** Row lock on a subscription until the transaction ends: sessions take its allowance one at a time. */
export async function lockSubscriptionRow(db: Db, id: string): Promise<void> {
  await db.select({ id: driverSubscriptions.id }).from(driverSubscriptions).where(eq(driverSubscriptions.id, id)).for('update');
}

/** Wh of the period's allowance taken by the sessions invoiced so far (except one, re-invoiced now). */
export async function sumIncludedEnergyUsed(db: Db, input: { subscriptionId: string; periodStart: Date; exceptTransactionId?: number }): Promise<number> {
  const [row] = await db
    .select({ wh: sql<string>`coalesce(sum(${subscriptionEnergyUsage.wh}), 0)` })
    .from(subscriptionEnergyUsage)
    .where(
      and(
        eq(subscriptionEnergyUsage.subscriptionId, input.subscriptionId),
        eq(subscriptionEnergyUsage.periodStart, input.periodStart),
        input.exceptTransactionId === undefined ? undefined : ne(subscriptionEnergyUsage.transactionId, input.exceptTransactionId),
      ),
    );
  return Number(row?.wh ?? 0);
}

/** The session's take from the allowance; a re-invoiced session replaces its row (never adds a second). */
export async function recordIncludedEnergyUsage(db: Db, row: typeof subscriptionEnergyUsage.$inferInsert): Promise<void> {
  await db
    .insert(subscriptionEnergyUsage)
    .values(row)
    .onConflictDoUpdate({ target: subscriptionEnergyUsage.transactionId, set: { subscriptionId: row.subscriptionId, periodStart: row.periodStart, wh: row.wh, recordedAt: row.recordedAt } });
}

/** Wh taken per (subscription, period) for these subscriptions: one query for a list. */
export function listIncludedEnergyUsed(db: Db, subscriptionIds: string[]): Promise<{ subscriptionId: string; periodStart: Date; wh: number }[]> {
  if (subscriptionIds.length === 0) return Promise.resolve([]);
  return db
    .select({ subscriptionId: subscriptionEnergyUsage.subscriptionId, periodStart: subscriptionEnergyUsage.periodStart, wh: sql<number>`sum(${subscriptionEnergyUsage.wh})::int` })
    .from(subscriptionEnergyUsage)
    .where(inArray(subscriptionEnergyUsage.subscriptionId, subscriptionIds))
    .groupBy(subscriptionEnergyUsage.subscriptionId, subscriptionEnergyUsage.periodStart);
}
