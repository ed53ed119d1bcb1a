'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/actions/form-action';
import { userActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { alertThresholdsSchema, settingsSchema } from '@/lib/settings/schemas';
import { updateSettings } from '@/lib/settings/update-settings';
import { setSelfSignUpOpen } from '@/lib/driver-portal/self-sign-up-setting';
import { setLowBalanceStop } from '@/lib/wallets/low-balance-stop-setting';
import { z } from 'zod';

export const updateSettingsAction = formAction('admin', settingsSchema.pick({ unknownStations: true }), async (input, user) => {
  await updateSettings(getDb(), userActor(user), input);
  revalidatePath('/settings');
  return { ok: true, message: 'Settings saved.' };
});

export const updateAlertThresholdsAction = formAction('admin', alertThresholdsSchema, async (input, user) => {
  await updateSettings(getDb(), userActor(user), { alertThresholds: input });
  revalidatePath('/settings');
  return { ok: true, message: 'Alert thresholds saved. The next evaluation uses them.' };
});

/** The driver portal's self sign-up switch (a checkbox: absent when unticked). */
export const updateDriverSignUpAction = formAction('admin', z.object({ selfSignUp: z.literal('on').optional() }), async (input, user) => {
  const open = input.selfSignUp === 'on';
  await setSelfSignUpOpen(getDb(), userActor(user), open);
  revalidatePath('/settings');
  return { ok: true, message: open ? 'Drivers can sign up on their own.' : 'Self sign-up is closed; invitations still work.' };
});

/** The low-balance stop switch (a checkbox: absent when unticked). */
export const updateLowBalanceStopAction = formAction('admin', z.object({ lowBalanceStop: z.literal('on').optional() }), async (input, user) => {
  const on = input.lowBalanceStop === 'on';
  await setLowBalanceStop(getDb(), userActor(user), on);
  revalidatePath('/settings');
  return { ok: true, message: on ? 'Wallet-paid sessions are stopped when their cost reaches the balance.' : 'Sessions are no longer stopped for a low balance.' };
});
