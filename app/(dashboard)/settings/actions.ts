'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/actions/form-action';
import { userActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { alertThresholdsSchema, settingsSchema } from '@/lib/settings/schemas';
import { updateSettings } from '@/lib/settings/update-settings';

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
