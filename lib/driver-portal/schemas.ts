import { z } from 'zod';

export const driverPasswordSchema = z.string().min(10, { error: 'must be at least 10 characters' }).max(200, { error: 'must be at most 200 characters' });

export const driverSignInSchema = z.object({
  email: z.email({ error: 'must be a valid email address' }).max(320),
  password: z.string().min(1, { error: 'is required' }).max(200),
});

export const setDriverPasswordSchema = z
  .object({ token: z.string().min(20).max(100), password: driverPasswordSchema, confirm: z.string() })
  .refine((input) => input.password === input.confirm, { path: ['confirm'], error: 'does not match the password' });

export const requestResetSchema = z.object({ email: z.email({ error: 'must be a valid email address' }).max(320) });

/** Self sign-up: a longer password than the invitation's, since nobody vouched for the account. */
export const driverSignUpSchema = z.object({
  name: z.string({ error: 'is required' }).trim().min(1, { error: 'is required' }).max(120, { error: 'must be at most 120 characters' }),
  email: z.email({ error: 'must be a valid email address' }).max(320),
  password: z.string().min(12, { error: 'must be at least 12 characters' }).max(200, { error: 'must be at most 200 characters' }),
});
export type DriverSignUpInput = z.infer<typeof driverSignUpSchema>;
