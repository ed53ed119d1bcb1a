import type { Db } from '../db/client';
import { clearDriverEmailVerified, ensureDriverAccount, getDriverAccount, markDriverEmailVerified, spendDriverLinkTokens } from '../db/queries/driver-accounts';
import { getDriverById } from '../db/queries/drivers';
import type { Driver } from '../db/schema';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { badRequest, forbidden, notFound } from '../errors';
import { sendEmailVerification } from '../driver-portal/link-tokens';

export const emailChanged = (before: Pick<Driver, 'email'>, after: Pick<Driver, 'email'>) => (before.email ?? '').toLowerCase() !== (after.email ?? '').toLowerCase();

/**
 * An operator changed the driver's email: the verification was of the old address, so it is
 * cleared, and the links sent there (invitation, reset, verification) are spent. Answers whether the
 * driver signs in to the portal with a password: they then need a new verification link.
 */
export async function resetEmailVerification(tx: Db, driverId: string, now: Date): Promise<boolean> {
  const account = await getDriverAccount(tx, driverId);
  if (!account) return false;
  await clearDriverEmailVerified(tx, driverId);
  await spendDriverLinkTokens(tx, driverId, now);
  return account.passwordHash !== null;
}

/** After the change is committed: the verification link to the new address (logged like the others). */
export async function sendNewAddressVerification(db: Db, driver: Pick<Driver, 'id' | 'email'>, origin: string | undefined, now: Date): Promise<void> {
  if (origin) await sendEmailVerification(db, driver, origin, now);
}

/**
 * An admin vouches for the driver's email (checked by other means: a phone call, a fleet contract):
 * marked verified as a verification link would, audited. Opens the portal account if there is none yet.
 */
export async function markEmailVerifiedByAdmin(db: Db, actor: Actor, driverId: string, now = new Date()): Promise<{ emailVerifiedAt: Date }> {
  if (actor.role !== 'admin') throw forbidden('Only an admin may mark an email verified');
  return db.transaction(async (tx) => {
    const driver = await getDriverById(tx, driverId);
    if (!driver || driver.anonymisedAt) throw notFound('Driver not found');
    if (!driver.email) throw badRequest('email: the driver has no email address to verify', 'email');
    await ensureDriverAccount(tx, driverId);
    const before = (await getDriverAccount(tx, driverId))?.emailVerifiedAt ?? null;
    if (before) return { emailVerifiedAt: before };
    await markDriverEmailVerified(tx, driverId, now);
    await recordAudit(tx, actor, { action: 'driver.email_verified', targetType: 'driver', targetId: driverId, detail: `${driver.email} marked verified by an admin` });
    return { emailVerifiedAt: now };
  });
}
