'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { createFirstAdmin } from '@/lib/users/create-first-admin';
import { setupAdminSchema } from '@/lib/users/schemas';
import { AppError } from '@/lib/errors';
import { formValues, type FormState } from '@/lib/actions/form-action';

const setupFormSchema = setupAdminSchema
  .extend({ confirmPassword: z.string() })
  .refine((input) => input.password === input.confirmPassword, { message: 'does not match the password', path: ['confirmPassword'] });

/** Public on purpose: it only works while no user exists (checked again inside a lock). */
export async function setupAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = setupFormSchema.safeParse(values);
  if (!parsed.success) {
    return { message: 'Please correct the highlighted fields.', fieldErrors: z.flattenError(parsed.error).fieldErrors, values: { name: values.name ?? '', email: values.email ?? '' } };
  }
  try {
    await createFirstAdmin(getDb(), parsed.data);
  } catch (error) {
    if (error instanceof AppError) return { message: error.message };
    throw error;
  }
  redirect('/login?setup=1');
}
