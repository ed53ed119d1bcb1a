'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { FormState } from '@/lib/actions/form-action';
import { getDb } from '@/lib/db/client';
import { driverActor } from '@/lib/driver-portal/driver-actor';
import { requireDriver } from '@/lib/driver-portal/driver-session';
import { requireOwnSubscription } from '@/lib/driver-portal/driver-subscription';
import { AppError } from '@/lib/errors';
import { cancelSubscription } from '@/lib/subscriptions/manage-subscriptions';
import { signUpForPlan } from '@/lib/subscriptions/sign-up';

const idOf = (formData: FormData, name: string) => z.uuid().safeParse(formData.get(name));
const failed = (error: unknown): FormState => {
  if (error instanceof AppError) return { message: error.message.replace(/^\w+: /, '') };
  throw error;
};

/** The driver takes a plan: it starts now (or when a cancelled one ends) and its first fee is invoiced at once. */
export async function subscribeToPlanAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const driver = await requireDriver('/driver/account');
  const planId = idOf(formData, 'planId');
  if (!planId.success) return { message: 'Choose a plan.' };
  try {
    const { subscription } = await signUpForPlan(getDb(), driverActor(driver), { driverId: driver.id, planId: planId.data }, new Date());
    revalidatePath('/driver/account');
    const startsNow = subscription.startsAt <= new Date();
    return { ok: true, message: startsNow ? 'Subscribed. Your first month starts now; its fee is on your invoices.' : `Subscribed from ${subscription.startsAt.toISOString().slice(0, 10)}, when your current plan ends.` };
  } catch (error) {
    return failed(error);
  }
}

/** Cancels the driver's own subscription at the end of the period under way (no refund, no proration). */
export async function cancelOwnSubscriptionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const driver = await requireDriver('/driver/account');
  const subscriptionId = idOf(formData, 'subscriptionId');
  if (!subscriptionId.success) return { message: 'Subscription not found' };
  try {
    const db = getDb();
    await requireOwnSubscription(db, driver, subscriptionId.data);
    const cancelled = await cancelSubscription(db, driverActor(driver), subscriptionId.data, new Date());
    revalidatePath('/driver/account');
    return { ok: true, message: `Cancelled. Your plan runs until ${cancelled.endsAt?.toISOString().slice(0, 10)}, the end of this period.` };
  } catch (error) {
    return failed(error);
  }
}
