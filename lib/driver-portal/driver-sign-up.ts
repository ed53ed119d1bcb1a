import type { Db } from '../db/client';
import { ensureDriverAccount, setDriverPasswordHash } from '../db/queries/driver-accounts';
import { getDriverByEmail, insertDriver } from '../db/queries/drivers';
import { insertIdTag } from '../db/queries/id-tags';
import { countFailedLogins, insertLoginAttempt } from '../db/queries/login-attempts';
import { LOGIN_LIMITS } from '../auth/authenticate-password';
import { assertPasswordPolicy } from '../auth/password-policy';
import { hashPassword } from '../auth/password';
import { recordAudit } from '../audit/record-audit';
import { AppError, tooManyRequests } from '../errors';
import { isUniqueViolation } from '../id-tags/is-unique-violation';
import { driverActor } from './driver-actor';
import { isSelfSignUpOpen } from './self-sign-up-setting';
import { createDriverSession, newAppTag } from './driver-sign-in';
import { sendEmailVerification } from './link-tokens';
import type { DriverSignUpInput } from './schemas';

/** Says only that the email is registered: nothing about the account (name, status, invited or not). */
export const signUpEmailTaken = () =>
  new AppError(409, 'email_taken', 'An account with this email already exists. Sign in, or use "Forgot your password?".', 'email');

export const signUpClosed = () => new AppError(403, 'sign_up_closed', 'Sign-up is closed here. Ask the charging operator for an invitation.');

/**
 * A driver signs up on their own (while an admin has not closed self sign-up in Settings): an active driver with a password (argon2id) and an app tag
 * `APP-…` for charging from the phone, then signed in. Limits as for sign-in (the same counters:
 * 5 failures per email, 30 per address in 15 minutes); an already registered email counts as a
 * failure, so the form cannot be used to test many emails. The email is unverified until the
 * driver opens the verification link (logged like the other links).
 */
export async function signUpDriver(db: Db, input: DriverSignUpInput & { ip: string; origin: string }, now = new Date()) {
  if (!(await isSelfSignUpOpen(db))) throw signUpClosed();
  assertPasswordPolicy(input.password);
  const email = input.email.trim().toLowerCase();
  const key = `driver:${email}`;
  const ip = `driver:${input.ip}`;
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMs);
  const [byAccount, byIp] = await Promise.all([countFailedLogins(db, { email: key }, since), countFailedLogins(db, { ip }, since)]);
  if (byAccount >= LOGIN_LIMITS.perAccount || byIp >= LOGIN_LIMITS.perIp) {
    throw tooManyRequests('Too many attempts. Wait 15 minutes and try again.');
  }
  const passwordHash = await hashPassword(input.password);
  try {
    const created = await db.transaction(async (tx) => {
      if (await getDriverByEmail(tx, email)) throw signUpEmailTaken();
      const driver = await insertDriver(tx, { name: input.name.trim(), email, status: 'active' }, now);
      await ensureDriverAccount(tx, driver.id);
      await setDriverPasswordHash(tx, driver.id, passwordHash);
      const tag = await insertIdTag(tx, { idTag: newAppTag(), driverId: driver.id, label: 'Driver portal (phone)' }, now);
      await recordAudit(tx, driverActor(driver), { action: 'driver.sign_up', targetType: 'driver', targetId: driver.id, detail: `Signed up in the driver portal; app tag ${tag.idTag}` });
      await insertLoginAttempt(tx, { email: key, ip, succeeded: true, at: now });
      return { driver, appTag: tag.idTag, session: await createDriverSession(tx, driver.id, now) };
    });
    const verificationLink = await sendEmailVerification(db, created.driver, input.origin, now);
    return { driverId: created.driver.id, appTag: created.appTag, session: created.session, verificationLink };
  } catch (error) {
    const taken = (error instanceof AppError && error.code === 'email_taken') || isUniqueViolation(error, 'drivers_email_unique');
    if (!taken) throw error;
    await insertLoginAttempt(db, { email: key, ip, succeeded: false, at: now });
    throw signUpEmailTaken();
  }
}
