import type { Db } from '../db/client';
import { deleteLoginAttemptsBefore } from '../db/queries/login-attempts';
import { LINK_REQUEST_LIMITS } from '../driver-portal/link-request-limit';
import { LOGIN_LIMITS } from './authenticate-password';

/**
 * How long sign-in attempts and link requests are kept in login_attempts: a day, far longer than
 * any limiter looks back (sign-in 15 min; verification, reset and add-card links an hour), so
 * pruning never frees a limit early, while the table stops growing forever.
 */
export const LOGIN_ATTEMPTS_KEPT_MS = Math.max(24 * 3_600_000, LOGIN_LIMITS.windowMs, LINK_REQUEST_LIMITS.windowMs);

export function pruneLoginAttempts(db: Db, now: Date): Promise<void> {
  return deleteLoginAttemptsBefore(db, new Date(now.getTime() - LOGIN_ATTEMPTS_KEPT_MS));
}
