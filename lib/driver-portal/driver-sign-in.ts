import crypto from 'node:crypto';
import type { Db } from '../db/client';
import {
  consumeDriverLinkToken,
  deleteDriverSessions,
  getDriverAccount,
  getDriverWithAccountByEmail,
  insertDriverSession,
  recordDriverLogin,
  setDriverPasswordHash,
  markDriverEmailVerified,
} from '../db/queries/driver-accounts';
import { countFailedLogins, insertLoginAttempt } from '../db/queries/login-attempts';
import { insertIdTag } from '../db/queries/id-tags';
import { listDriverIdTagValues } from '../db/queries/drivers';
import { LOGIN_LIMITS } from '../auth/authenticate-password';
import { assertPasswordPolicy } from '../auth/password-policy';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/password';
import { badRequest, tooManyRequests, unauthorized } from '../errors';
import { hashSecretToken, newSecretToken } from './secret-token';

export const DRIVER_SESSION_DAYS = 30;

/** A new portal session; the cookie value is returned once, the row keeps its hash. */
export async function createDriverSession(db: Db, driverId: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const { token, tokenHash } = newSecretToken();
  const expiresAt = new Date(now.getTime() + DRIVER_SESSION_DAYS * 24 * 3600_000);
  await insertDriverSession(db, { driverId, tokenHash, createdAt: now, expiresAt });
  await recordDriverLogin(db, driverId, now);
  return { token, expiresAt };
}

/**
 * Email + password for drivers, with the operators' limits (5 failures per account, 30 per address
 * in 15 min) counted apart from them: the attempts are recorded under `driver:<email>`.
 */
export async function signInDriver(db: Db, input: { email: string; password: string; ip: string }, now = new Date()) {
  const key = `driver:${input.email.trim().toLowerCase()}`;
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMs);
  const [byAccount, byIp] = await Promise.all([countFailedLogins(db, { email: key }, since), countFailedLogins(db, { ip: `driver:${input.ip}` }, since)]);
  if (byAccount >= LOGIN_LIMITS.perAccount || byIp >= LOGIN_LIMITS.perIp) {
    throw tooManyRequests('Too many failed sign-in attempts. Wait 15 minutes and try again.');
  }
  const found = await getDriverWithAccountByEmail(db, input.email.trim());
  const hash = found?.account?.passwordHash;
  const valid = await verifyPassword(hash ?? (await dummyPasswordHash()), input.password);
  const succeeded = Boolean(found && hash && valid && found.driver.status === 'active');
  await insertLoginAttempt(db, { email: key, ip: `driver:${input.ip}`, succeeded, at: now });
  if (!succeeded) throw unauthorized('Invalid email or password.');
  return createDriverSession(db, found!.driver.id, now);
}

/** Portal tags are `APP-` + 12 hex digits: 16 characters, inside OCPP's CiString20. */
export const newAppTag = () => `APP-${crypto.randomBytes(6).toString('hex').toUpperCase()}`;

/**
 * Sets the password from an invitation or reset link (used once), signs the driver out of every
 * other device, and signs this one in. A driver without any tag gets an app tag, so the phone can
 * start a charge without an RFID card.
 */
export async function setDriverPassword(db: Db, input: { token: string; password: string }, now = new Date()) {
  assertPasswordPolicy(input.password);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const link = await consumeDriverLinkToken(tx, hashSecretToken(input.token), now, ['invite', 'reset']);
    if (!link) throw badRequest('This link is expired or was used already. Ask for a new one.', 'token');
    const account = await getDriverAccount(tx, link.driverId);
    if (link.purpose === 'reset' && !account) throw badRequest('This link is not valid.', 'token');
    await setDriverPasswordHash(tx, link.driverId, passwordHash);
    // The link reached the driver's mailbox: that proves the email as a verification link would.
    await markDriverEmailVerified(tx, link.driverId, now);
    await deleteDriverSessions(tx, link.driverId);
    if ((await listDriverIdTagValues(tx, link.driverId)).length === 0) {
      await insertIdTag(tx, { idTag: newAppTag(), driverId: link.driverId, label: 'Driver portal (phone)' }, now);
    }
    return createDriverSession(tx, link.driverId, now);
  });
}
