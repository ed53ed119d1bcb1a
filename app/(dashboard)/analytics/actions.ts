'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { removeUptimeExemption, createUptimeExemption, uptimeExemptionSchema } from '@/lib/analytics/uptime-exemptions';
import { userActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';

/** datetime-local fields carry no zone: the form labels them UTC. */
const utcField = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) ? `${value}Z` : value);

const formInput = (values: unknown) => {
  const v = values as Record<string, string>;
  return { ...v, connectorId: v.connectorId ? v.connectorId : null, startsAt: utcField(v.startsAt), endsAt: utcField(v.endsAt) };
};

export const createExemptionAction = formAction('operator', z.preprocess(formInput, uptimeExemptionSchema), async (input, user) => {
  await createUptimeExemption(getDb(), userActor(user), input);
  revalidatePath('/analytics');
  return { ok: true, message: `Exemption for ${input.stationId} saved; uptime recomputed.` };
});

export const deleteExemptionAction = formAction('operator', z.object({ id: z.uuid() }), async ({ id }, user) => {
  await removeUptimeExemption(getDb(), userActor(user), id);
  revalidatePath('/analytics');
  return { ok: true, message: 'Exemption removed; uptime recomputed.' };
});
