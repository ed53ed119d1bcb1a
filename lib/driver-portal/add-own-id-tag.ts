import { z } from 'zod';
import type { Db } from '../db/client';
import { listDriverIdTags } from '../db/queries/id-tags';
import type { Driver } from '../db/schema';
import { AppError, badRequest } from '../errors';
import { createIdTag } from '../id-tags/create-id-tag';
import { idTagValueSchema } from '../id-tags/schemas';
import { driverActor } from './driver-actor';
import { requireVerifiedEmail } from './link-tokens';

/** The card a driver adds: the same value rules as everywhere (OCPP idToken, ≤ 20 characters). */
export const addOwnIdTagSchema = z.object({ idTag: idTagValueSchema });

/** Enough for a household's cards; more is an operator's job. */
export const MAX_DRIVER_TAGS = 10;

/**
 * A driver registers their own RFID card (Accepted, all sites, one session at a time), audited as
 * theirs. A value already registered is refused without saying to whom it belongs.
 */
export async function addOwnIdTag(db: Db, driver: Driver, idTag: string, now = new Date()) {
  const value = idTagValueSchema.parse(idTag);
  await requireVerifiedEmail(db, driver.id);
  const tags = await listDriverIdTags(db, driver.id);
  if (tags.some((tag) => tag.idTag === value)) throw badRequest('This card is already on your account.', 'idTag');
  if (tags.length >= MAX_DRIVER_TAGS) throw badRequest(`An account holds at most ${MAX_DRIVER_TAGS} cards. Remove one with your operator first.`, 'idTag');
  try {
    return await createIdTag(db, driverActor(driver), { idTag: value, status: 'Accepted', driverId: driver.id, label: 'Added by the driver' }, now);
  } catch (error) {
    if (error instanceof AppError && error.code === 'id_tag_taken') {
      throw badRequest('This card number is already registered. If the card is yours, contact the operator.', 'idTag');
    }
    throw error;
  }
}
