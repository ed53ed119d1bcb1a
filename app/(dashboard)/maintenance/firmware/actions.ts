'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { userActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { publicBaseUrl } from '@/lib/diagnostics/public-base-url';
import { createCampaign } from '@/lib/firmware/create-campaign';

const optional = z.string().trim().max(100).transform((value) => value || undefined);
const whole = (min: number) => z.coerce.number({ message: 'must be a number' }).int({ message: 'must be a whole number' }).min(min, { message: `must be at least ${min}` });

const campaignForm = z.object({
  name: z.string().trim().min(1, { message: 'is required' }).max(200),
  firmwareId: whole(1),
  vendor: optional,
  model: optional,
  currentFirmware: optional,
  siteId: z.string().trim().transform((value) => value || undefined).pipe(z.uuid().optional()),
  stationIds: z
    .string()
    .max(100_000)
    .transform((value) => value.split(/[\s,]+/).filter(Boolean))
    .transform((ids) => (ids.length ? ids : undefined)),
  batchSize: whole(1),
  concurrency: whole(1),
  failureThreshold: z
    .string()
    .trim()
    .transform((value) => (value === '' ? null : Number(value)))
    .pipe(z.number({ message: 'must be a number' }).int().min(1, { message: 'must be at least 1' }).nullable()),
  // <input type="datetime-local"> has no zone: the form says it is UTC.
  startAt: z
    .string()
    .trim()
    .transform((value) => (value ? new Date(`${value}Z`) : undefined))
    .refine((date) => date === undefined || !Number.isNaN(date.getTime()), { message: 'is not a date and time' }),
});

/** Starts a firmware rollout (operator) and opens its page. */
export const createCampaignAction = formAction('operator', campaignForm, async (input, user) => {
  const { vendor, model, siteId, currentFirmware, stationIds, ...rest } = input;
  const campaign = await createCampaign(getDb(), userActor(user), {
    ...rest,
    selector: { vendor, model, siteId, currentFirmware, stationIds },
    stationTimeoutS: 3600,
    baseUrl: publicBaseUrl(await headers()),
  });
  redirect(`/maintenance/firmware/campaigns/${campaign.id}`);
});
