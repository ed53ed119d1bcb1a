'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { userActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { handleAlert } from '@/lib/alerts/handle-alert';

export const handleAlertAction = formAction(
  'operator',
  z.object({ id: z.coerce.number().int().min(1), action: z.enum(['acknowledge', 'resolve']) }),
  async (input, user) => {
    await handleAlert(getDb(), userActor(user), input.id, input.action);
    revalidatePath('/alerts');
    return { ok: true };
  },
);
