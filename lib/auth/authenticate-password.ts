import type { Db } from '../db/client';
import { getUserByEmail, recordLogin, type PublicUser } from '../db/queries/users';
import { countFailedLogins, insertLoginAttempt } from '../db/queries/login-attempts';
import { dummyPasswordHash, verifyPassword } from './password';

/** Failed attempts allowed per account and per client address inside the window before sign-in is refused. */
export const LOGIN_LIMITS = { perAccount: 5, perIp: 30, windowMs: 15 * 60_000 } as const;

export type LoginResult =
  | { ok: true; user: PublicUser }
  | { ok: false; reason: 'invalid_credentials' | 'rate_limited' };

/**
 * Email + password sign-in. Answers only "invalid" or "rate limited", never which part was wrong;
 * an unknown email costs the same argon2 verification as a known one.
 */
export async function authenticatePassword(
  db: Db,
  input: { email: string; password: string; ip: string },
  now: Date = new Date(),
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMs);
  const [byAccount, byIp] = await Promise.all([
    countFailedLogins(db, { email }, since),
    countFailedLogins(db, { ip: input.ip }, since),
  ]);
  if (byAccount >= LOGIN_LIMITS.perAccount || byIp >= LOGIN_LIMITS.perIp) {
    await insertLoginAttempt(db, { email, ip: input.ip, succeeded: false, at: now });
    return { ok: false, reason: 'rate_limited' };
  }
  const user = await getUserByEmail(db, email);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  const succeeded = Boolean(user && user.active && valid);
  await insertLoginAttempt(db, { email, ip: input.ip, succeeded, at: now });
  if (!user || !succeeded) return { ok: false, reason: 'invalid_credentials' };
  await recordLogin(db, user.id, now);
  const { passwordHash: _omit, ...publicUser } = user;
  void _omit;
  return { ok: true, user: publicUser };
}
