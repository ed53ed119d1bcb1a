import type { Db } from '../db/client';
import { ensureDriverAccount, getDriverWithAccountByEmail, insertDriverLinkToken } from '../db/queries/driver-accounts';
import { getDriverById } from '../db/queries/drivers';
import type { DriverTokenPurpose } from '../db/schema';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { badRequest, notFound } from '../errors';
import { newSecretToken } from './secret-token';

const LIFETIME_MS: Record<DriverTokenPurpose, number> = { invite: 7 * 24 * 3600_000, reset: 3600_000 };
const PATHS: Record<DriverTokenPurpose, string> = { invite: '/driver/invite/', reset: '/driver/reset/' };

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
 * Returns nothing either way, so the form cannot tell whether an email is registered.
 */
export async function requestPasswordReset(db: Db, input: { email: string; origin: string }, now = new Date()): Promise<void> {
  const found = await getDriverWithAccountByEmail(db, input.email.trim());
  if (!found?.account || found.driver.status !== 'active') return;
  const link = await issueLink(db, found.driver.id, 'reset', input.origin, now);
  console.log(`[driver-portal] password reset for ${found.driver.email}: ${link}`);
}
