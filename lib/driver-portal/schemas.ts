import { z } from 'zod';
import { passwordSchema } from '../auth/password-policy';

/** Drivers follow the system's one password rule (sign-up, invitation and reset alike). */
export const driverPasswordSchema = passwordSchema;

export const driverSignInSchema = z.object({
  email: z.email({ error: 'must be a valid email address' }).max(320),
  password: z.string().min(1, { error: 'is required' }).max(200),
});

export const setDriverPasswordSchema = z
  .object({ token: z.string().min(20).max(100), password: driverPasswordSchema, confirm: z.string() })
  .refine((input) => input.password === input.confirm, { path: ['confirm'], error: 'does not match the password' });

export const requestResetSchema = z.object({ email: z.email({ error: 'must be a valid email address' }).max(320) });

/** Self sign-up. */
export const driverSignUpSchema = z.object({
  name: z.string({ error: 'is required' }).trim().min(1, { error: 'is required' }).max(120, { error: 'must be at most 120 characters' }),
  email: z.email({ error: 'must be a valid email address' }).max(320),
  password: driverPasswordSchema,
});
export type DriverSignUpInput = z.infer<typeof driverSignUpSchema>;
