import type { Db } from '../db/client';
import { countAttemptsSince, insertLoginAttempt } from '../db/queries/login-attempts';
import type { Driver } from '../db/schema';
import { tooManyRequests } from '../errors';
import { sendEmailVerification } from './link-tokens';

/** New verification links allowed per driver account and per client address inside the window. */
export const RESEND_LIMITS = { perAccount: 3, perIp: 10, windowMs: 60 * 60_000 } as const;

/** "in 1 minute", "in 42 minutes": when the oldest request in the window leaves it. */
export function tryAgainIn(first: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((first.getTime() + RESEND_LIMITS.windowMs - now.getTime()) / 60_000));
  return minutes === 1 ? 'in 1 minute' : `in ${minutes} minutes`;
}

/**
 * "Send the link again": a new verification link, at most 3 per driver and 10 per address an hour
 * (each link is a mail in production: the form must not become a way to flood a mailbox). The
 * requests are counted in login_attempts under `verify-link:` keys, apart from sign-in failures; a
 * refused request is not counted, so the time it names stays true. Returns the link, or null when
 * the email is verified already.
 */
export async function resendEmailVerification(db: Db, driver: Pick<Driver, 'id' | 'email'>, input: { ip: string; origin: string }, now = new Date()): Promise<string | null> {
  const account = `verify-link:${driver.id}`;
  const ip = `verify-link:${input.ip}`;
  const since = new Date(now.getTime() - RESEND_LIMITS.windowMs);
  const [byAccount, byIp] = await Promise.all([countAttemptsSince(db, { email: account }, since), countAttemptsSince(db, { ip }, since)]);
  if (byAccount.count >= RESEND_LIMITS.perAccount && byAccount.first) {
    throw tooManyRequests(`You asked for ${RESEND_LIMITS.perAccount} new links in the last hour. Try again ${tryAgainIn(byAccount.first, now)}, or open the last link we sent.`);
  }
  if (byIp.count >= RESEND_LIMITS.perIp && byIp.first) {
    throw tooManyRequests(`Too many links were asked for from your network. Try again ${tryAgainIn(byIp.first, now)}.`);
  }
  const link = await sendEmailVerification(db, driver, input.origin, now);
  if (link) await insertLoginAttempt(db, { email: account, ip, succeeded: true, at: now });
  return link;
}
