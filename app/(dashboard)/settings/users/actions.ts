'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { userActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { createUser } from '@/lib/users/create-user';
import { updateUser } from '@/lib/users/update-user';
import { createUserSchema, roleSchema } from '@/lib/users/schemas';

export const createUserAction = formAction('admin', createUserSchema, async (input, user) => {
  const created = await createUser(getDb(), userActor(user), input);
  revalidatePath('/settings/users');
  return { ok: true, message: `${created.email} can now sign in as ${created.role}.` };
});

export const changeRoleAction = formAction('admin', z.object({ id: z.uuid(), role: roleSchema }), async (input, user) => {
  await updateUser(getDb(), userActor(user), input.id, { role: input.role });
  revalidatePath('/settings/users');
  return { ok: true, message: 'Role changed.' };
});

export const setActiveAction = formAction(
  'admin',
  z.object({ id: z.uuid(), active: z.enum(['true', 'false']).transform((value) => value === 'true') }),
  async (input, user) => {
    await updateUser(getDb(), userActor(user), input.id, { active: input.active });
    revalidatePath('/settings/users');
    return { ok: true, message: input.active ? 'User reactivated.' : 'User deactivated: they can no longer sign in.' };
  },
);
