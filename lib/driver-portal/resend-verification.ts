import type { Db } from '../db/client';
import type { Driver } from '../db/schema';
import { sendEmailVerification } from './link-tokens';
import { assertLinkRequestAllowed, LINK_REQUEST_LIMITS, recordLinkRequest } from './link-request-limit';

/**
 * "Send the link again": a new verification link, at most 3 per driver and 10 per address an hour.
 * Returns the link, or null when the email is verified already (not counted).
 */
export async function resendEmailVerification(db: Db, driver: Pick<Driver, 'id' | 'email'>, input: { ip: string; origin: string }, now = new Date()): Promise<string | null> {
  const request = { kind: 'verify-link', account: driver.id, ip: input.ip };
  await assertLinkRequestAllowed(db, request, {
    account: `You asked for ${LINK_REQUEST_LIMITS.perAccount} new links in the last hour. Try again {when}, or open the last link we sent.`,
    ip: 'Too many links were asked for from your network. Try again {when}.',
  }, now);
  const link = await sendEmailVerification(db, driver, input.origin, now);
  if (link) await recordLinkRequest(db, request, now);
  return link;
}
