import { z } from 'zod';
import { badRequest } from '../errors';

/**
 * The one password rule of the system: operators (first admin, new users, ADMIN_PASSWORD) and
 * drivers (self sign-up, invitation, password reset) alike. Passwords are hashed with argon2id;
 * the upper bound only keeps hashing cheap.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export const passwordSchema = z
  .string({ error: 'is required' })
  .min(PASSWORD_MIN_LENGTH, { error: `must be at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(PASSWORD_MAX_LENGTH, { error: `must be at most ${PASSWORD_MAX_LENGTH} characters` });

/** The policy at the domain boundary, for callers that did not parse a form: 400 naming `password`. */
export function assertPasswordPolicy(password: string): void {
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) throw badRequest(`Password ${parsed.error.issues[0]?.message ?? 'is not valid'}`, 'password');
}
