import type { Db } from '../db/client';
import { listDriverTagValues } from '../db/queries/driver-transactions';
import type { Driver } from '../db/schema';
import { blockIdTags } from '../id-tags/block-id-tags';
import { notFound } from '../errors';
import { driverActor } from './driver-actor';

/** A driver blocks one of their own tags (a lost card): audited as theirs; someone else's tag is "not found". */
export async function blockOwnIdTag(db: Db, driver: Driver, idTag: string): Promise<void> {
  if (!(await listDriverTagValues(db, driver.id)).includes(idTag)) throw notFound('Tag not found');
  await blockIdTags(db, driverActor(driver), { idTags: [idTag], action: 'block' });
}
