import type { Db } from '../db/client';
import { getDriverByEmail, getDriverById, listDriverIdTagValues, updateDriverRow } from '../db/queries/drivers';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { notFound } from '../errors';
import { isUniqueViolation } from '../id-tags/is-unique-violation';
import { publishIdTagsUpdated } from '../id-tags/publish-id-tags-updated';
import { emailChanged, resetEmailVerification, sendNewAddressVerification } from './driver-email-verification';
import { driverAuditView, driverView, emailTaken, type DriverView } from './driver-view';
import type { UpdateDriverInput } from './schemas';

/**
 * Changes the fields given. Blocking or unblocking a driver changes what all their tags answer. A
 * new email is not verified: the mark is cleared and, for a driver who signs in to the portal, a
 * verification link goes to the new address (built on `origin`, the portal's public address).
 */
export async function updateDriver(db: Db, actor: Actor, id: string, patch: UpdateDriverInput, options: { origin?: string; now?: Date } = {}): Promise<DriverView> {
  const now = options.now ?? new Date();
  let result: { driver: DriverView; tags: string[]; verifyNewEmail: boolean };
  try {
    result = await db.transaction(async (tx) => {
      const before = await getDriverById(tx, id);
      if (!before) throw notFound('Driver not found');
      if (patch.email) {
        const holder = await getDriverByEmail(tx, patch.email);
        if (holder && holder.id !== id) throw emailTaken(patch.email);
      }
      const after = (await updateDriverRow(tx, id, patch, now))!;
      const changed = emailChanged(before, after);
      const verifyNewEmail = changed && (await resetEmailVerification(tx, id, now));
      await recordAudit(tx, actor, {
        action: 'driver.update', targetType: 'driver', targetId: id, before: driverAuditView(before), after: driverAuditView(after),
        detail: changed ? 'Email changed: its verification is cleared' : undefined,
      });
      const tags = before.status !== after.status ? await listDriverIdTagValues(tx, id) : [];
      return { driver: driverView(after), tags, verifyNewEmail };
    });
  } catch (error) {
    if (patch.email && isUniqueViolation(error, 'drivers_email_unique')) throw emailTaken(patch.email);
    throw error;
  }
  await publishIdTagsUpdated(db, result.tags);
  if (result.verifyNewEmail) await sendNewAddressVerification(db, result.driver, options.origin, now);
  return result.driver;
}
