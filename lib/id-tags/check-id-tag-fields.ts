import type { Db } from '../db/client';
import { getDriverById } from '../db/queries/drivers';
import { listAncestorValues, listExistingSiteIds, lockIdTagsByValue } from '../db/queries/id-tags';
import { AppError, badRequest } from '../errors';

export const idTagTaken = (idTag: string) => new AppError(400, 'id_tag_taken', `idTag: ${idTag} is already registered`, 'idTag');

/**
 * What zod cannot see: expiry in the future (by the injected clock), a registered parent that does
 * not lead back to the tag (a cycle), an existing driver and existing sites. 400 naming the field.
 * The parent row stays locked until the transaction ends, so it cannot be deleted meanwhile.
 */
export async function checkIdTagFields(
  db: Db,
  fields: { idTag: string; expiryDate?: Date | null; parentIdTag?: string | null; driverId?: string | null; siteIds?: string[] | null },
  now: Date,
): Promise<void> {
  const { idTag, expiryDate, parentIdTag, driverId, siteIds } = fields;
  if (expiryDate && expiryDate.getTime() <= now.getTime()) {
    throw badRequest('expiryDate: must be in the future (to end a tag now, set its status to Expired)', 'expiryDate');
  }
  if (parentIdTag) {
    if (parentIdTag === idTag) throw badRequest('parentIdTag: a tag cannot be its own parent', 'parentIdTag');
    const [parent] = await lockIdTagsByValue(db, [parentIdTag]);
    if (!parent) throw badRequest(`parentIdTag: no tag ${parentIdTag} is registered (register the group's tag first)`, 'parentIdTag');
    const above = await listAncestorValues(db, parentIdTag);
    if (above.includes(idTag)) {
      const loop = [idTag, parentIdTag, ...above.slice(0, above.indexOf(idTag) + 1)].join(' → ');
      throw badRequest(`parentIdTag: ${parentIdTag} is in ${idTag}'s group already; this would form a cycle (${loop})`, 'parentIdTag');
    }
  }
  if (driverId && !(await getDriverById(db, driverId))) throw badRequest('driverId: no such driver', 'driverId');
  if (siteIds) {
    const existing = await listExistingSiteIds(db, siteIds);
    const unknown = siteIds.find((id) => !existing.has(id));
    if (unknown) throw badRequest(`siteIds: no site ${unknown}`, 'siteIds');
  }
}
