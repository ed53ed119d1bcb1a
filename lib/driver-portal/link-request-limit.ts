import type { Db } from '../db/client';
import { countAttemptsSince, insertLoginAttempt } from '../db/queries/login-attempts';
import { tooManyRequests } from '../errors';

/**
 * Links sent by mail (in production) on a driver's request, allowed per account and per client
 * address inside the window: the forms must not become a way to flood a mailbox.
 */
export const LINK_REQUEST_LIMITS = { perAccount: 3, perIp: 10, windowMs: 60 * 60_000 } as const;

/** "in 1 minute", "in 42 minutes": when the oldest request in the window leaves it. */
export function tryAgainIn(first: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((first.getTime() + LINK_REQUEST_LIMITS.windowMs - now.getTime()) / 60_000));
  return minutes === 1 ? 'in 1 minute' : `in ${minutes} minutes`;
}

export interface LinkRequest {
  /** `verify-link` or `reset-link`: each kind is counted on its own. */
  kind: string;
  /** The driver id, or the email asked for (counted whether or not it is registered). */
  account: string;
  ip: string;
}

/**
 * Throws 429 with when to try again once the account or the address has used up its links; the
 * requests are counted in login_attempts under `<kind>:` keys, apart from sign-in failures.
 */
export async function assertLinkRequestAllowed(db: Db, request: LinkRequest, messages: { account: string; ip: string }, now: Date): Promise<void> {
  const since = new Date(now.getTime() - LINK_REQUEST_LIMITS.windowMs);
  const [byAccount, byIp] = await Promise.all([
    countAttemptsSince(db, { email: `${request.kind}:${request.account}` }, since),
    countAttemptsSince(db, { ip: `${request.kind}:${request.ip}` }, since),
  ]);
  if (byAccount.count >= LINK_REQUEST_LIMITS.perAccount && byAccount.first) throw tooManyRequests(messages.account.replace('{when}', tryAgainIn(byAccount.first, now)));
  if (byIp.count >= LINK_REQUEST_LIMITS.perIp && byIp.first) throw tooManyRequests(messages.ip.replace('{when}', tryAgainIn(byIp.first, now)));
}

/** Counts a request that was let through (a refused one is not counted, so the time it names stays true). */
export async function recordLinkRequest(db: Db, request: LinkRequest, now: Date): Promise<void> {
  await insertLoginAttempt(db, { email: `${request.kind}:${request.account}`, ip: `${request.kind}:${request.ip}`, succeeded: true, at: now });
}
