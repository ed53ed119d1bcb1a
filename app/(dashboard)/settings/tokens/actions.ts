'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { userActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { createApiToken } from '@/lib/api-tokens/create-api-token';
import { revokeApiToken } from '@/lib/api-tokens/revoke-api-token';
import { createApiTokenSchema } from '@/lib/api-tokens/schemas';

/** An empty date field means "never expires". */
const createTokenFormSchema = z.preprocess(
  (values) => ({ ...(values as Record<string, string>), expiresAt: (values as Record<string, string>).expiresAt || undefined }),
  createApiTokenSchema,
);

export const createTokenAction = formAction('admin', createTokenFormSchema, async (input, user) => {
  const { token, record } = await createApiToken(getDb(), userActor(user), input);
  revalidatePath('/settings/tokens');
  return { ok: true, message: `Token "${record.name}" created. Copy it now: it is not shown again.`, result: { token } };
});

export const revokeTokenAction = formAction('admin', z.object({ id: z.uuid() }), async (input, user) => {
  await revokeApiToken(getDb(), userActor(user), input.id);
  revalidatePath('/settings/tokens');
  return { ok: true, message: 'Token revoked.' };
});
