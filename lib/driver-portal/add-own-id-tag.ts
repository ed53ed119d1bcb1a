import { z } from 'zod';
import type { Db } from '../db/client';
import { listDriverIdTags } from '../db/queries/id-tags';
import type { Driver } from '../db/schema';
import { countAttemptsSince, insertLoginAttempt } from '../db/queries/login-attempts';
import { AppError, badRequest, tooManyRequests } from '../errors';
import { createIdTag } from '../id-tags/create-id-tag';
import { idTagValueSchema } from '../id-tags/schemas';
import { driverActor } from './driver-actor';
import { requireVerifiedEmail } from './link-tokens';
import { LINK_REQUEST_LIMITS, tryAgainIn } from './link-request-limit';

/** The card a driver adds: the same value rules as everywhere (OCPP idToken, ≤ 20 characters). */
export const addOwnIdTagSchema = z.object({ idTag: idTagValueSchema });

/** Enough for a household's cards; more is an operator's job. */
export const MAX_DRIVER_TAGS = 10;

/** Card numbers registered to someone else that a driver may enter in an hour. */
export const MAX_TAKEN_CARD_ATTEMPTS = 5;
const takenKey = (driverId: string) => `add-card-taken:${driverId}`;

/**
 * "Already registered" tells that a card number exists: a driver trying number after number would
 * learn which cards to copy. After 5 such answers in an hour the form waits, saying for how long.
 */
async function assertNotProbing(db: Db, driverId: string, now: Date): Promise<void> {
  const taken = await countAttemptsSince(db, { email: takenKey(driverId) }, new Date(now.getTime() - LINK_REQUEST_LIMITS.windowMs));
  if (taken.count >= MAX_TAKEN_CARD_ATTEMPTS && taken.first) {
    throw tooManyRequests(`You entered ${MAX_TAKEN_CARD_ATTEMPTS} card numbers registered to someone else in the last hour. Try again ${tryAgainIn(taken.first, now)}, or contact the operator.`);
  }
}

/**
 * A driver registers their own RFID card (Accepted, all sites, one session at a time), audited as
 * theirs. A value already registered is refused without saying to whom it belongs.
 */
export async function addOwnIdTag(db: Db, driver: Driver, idTag: string, now = new Date()) {
  const value = idTagValueSchema.parse(idTag);
  await requireVerifiedEmail(db, driver.id);
  await assertNotProbing(db, driver.id, now);
  const tags = await listDriverIdTags(db, driver.id);
  if (tags.some((tag) => tag.idTag === value)) throw badRequest('This card is already on your account.', 'idTag');
  if (tags.length >= MAX_DRIVER_TAGS) throw badRequest(`An account holds at most ${MAX_DRIVER_TAGS} cards. Remove one with your operator first.`, 'idTag');
  try {
    return await createIdTag(db, driverActor(driver), { idTag: value, status: 'Accepted', driverId: driver.id, label: 'Added by the driver' }, now);
  } catch (error) {
    if (error instanceof AppError && error.code === 'id_tag_taken') {
      await insertLoginAttempt(db, { email: takenKey(driver.id), ip: takenKey(driver.id), succeeded: false, at: now });
      throw badRequest('This card number is already registered. If the card is yours, contact the operator.', 'idTag');
    }
    throw error;
  }
}
