import type { Db } from '../db/client';
import { consumeDriverLinkToken, ensureDriverAccount, getDriverAccount, getDriverWithAccountByEmail, insertDriverLinkToken, markDriverEmailVerified } from '../db/queries/driver-accounts';
import { getDriverById } from '../db/queries/drivers';
import type { Driver, DriverTokenPurpose } from '../db/schema';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { AppError, badRequest, notFound } from '../errors';
import { hashSecretToken, newSecretToken } from './secret-token';
import { assertLinkRequestAllowed, LINK_REQUEST_LIMITS, recordLinkRequest } from './link-request-limit';

const LIFETIME_MS: Record<DriverTokenPurpose, number> = { invite: 7 * 24 * 3600_000, reset: 3600_000, verify: 24 * 3600_000 };
const PATHS: Record<DriverTokenPurpose, string> = { invite: '/driver/invite/', reset: '/driver/reset/', verify: '/driver/verify/' };

async function issueLink(db: Db, driverId: string, purpose: DriverTokenPurpose, origin: string, now: Date): Promise<string> {
  const { token, tokenHash } = newSecretToken();
  await insertDriverLinkToken(db, { driverId, purpose, tokenHash, createdAt: now, expiresAt: new Date(now.getTime() + LIFETIME_MS[purpose]) });
  return new URL(PATHS[purpose] + token, origin).toString();
}

/**
 * An operator invites a driver to the portal: a one-time link (7 days) where the driver sets a
 * password. No mail server is configured, so the link is shown to the operator and logged to the
 * server console, as the issue asks for the password-reset link.
 */
export async function inviteDriver(db: Db, actor: Actor, input: { driverId: string; origin: string }, now = new Date()): Promise<string> {
  const driver = await getDriverById(db, input.driverId);
  if (!driver || driver.anonymisedAt) throw notFound('Driver not found');
  if (!driver.email) throw badRequest('The driver needs an email address to sign in to the portal', 'email');
  await ensureDriverAccount(db, driver.id);
  const link = await issueLink(db, driver.id, 'invite', input.origin, now);
  console.log(`[driver-portal] invitation for ${driver.email}: ${link}`);
  await recordAudit(db, actor, { action: 'driver.invite', targetType: 'driver', targetId: driver.id, detail: driver.email });
  return link;
}

/**
 * "Forgot password": a one-time link (1 hour) for an invited driver, logged to the server console.
 * Returns nothing either way, so the form cannot tell whether an email is registered. At most 3
 * requests an hour per email and 10 per address, counted whether or not the email is registered
 * (so the limit tells nothing either).
 */
export async function requestPasswordReset(db: Db, input: { email: string; origin: string; ip: string }, now = new Date()): Promise<void> {
  const request = { kind: 'reset-link', account: input.email.trim().toLowerCase(), ip: input.ip };
  await assertLinkRequestAllowed(db, request, {
    account: `A reset link was asked for ${LINK_REQUEST_LIMITS.perAccount} times in the last hour for this email. Try again {when}, or open the last link.`,
    ip: 'Too many reset links were asked for from your network. Try again {when}.',
  }, now);
  await recordLinkRequest(db, request, now);
  const found = await getDriverWithAccountByEmail(db, input.email.trim());
  if (!found?.account || found.driver.status !== 'active') return;
  const link = await issueLink(db, found.driver.id, 'reset', input.origin, now);
  console.log(`[driver-portal] password reset for ${found.driver.email}: ${link}`);
}

/**
 * After self sign-up (and on "Send the link again"): a one-time link (24 hours) that confirms the
 * driver's email, logged to the server console like the other links. Nothing when already verified.
 */
export async function sendEmailVerification(db: Db, driver: Pick<Driver, 'id' | 'email'>, origin: string, now = new Date()): Promise<string | null> {
  if (!driver.email) return null;
  if ((await getDriverAccount(db, driver.id))?.emailVerifiedAt) return null;
  const link = await issueLink(db, driver.id, 'verify', origin, now);
  console.log(`[driver-portal] email verification for ${driver.email}: ${link}`);
  return link;
}

/** The verification link's button: marks the email verified (once; the link then is spent). */
export async function verifyDriverEmail(db: Db, token: string, now = new Date()): Promise<string> {
  const link = await consumeDriverLinkToken(db, hashSecretToken(token), now, ['verify']);
  if (!link) throw badRequest('This link is expired or was used already. Sign in and send a new one from your account page.', 'token');
  await markDriverEmailVerified(db, link.driverId, now);
  return link.driverId;
}

export const emailNotVerified = () =>
  new AppError(403, 'email_not_verified', 'Confirm your email address first: open the link we sent you, or send a new one from your account page.');

export async function isDriverEmailVerified(db: Db, driverId: string): Promise<boolean> {
  return Boolean((await getDriverAccount(db, driverId))?.emailVerifiedAt);
}

/** Charging from the phone and adding cards wait for a verified email. */
export async function requireVerifiedEmail(db: Db, driverId: string): Promise<void> {
  if (!(await isDriverEmailVerified(db, driverId))) throw emailNotVerified();
}
