import type { Db } from '../db/client';
import { getDriverById } from '../db/queries/drivers';
import { getDriverAccount } from '../db/queries/driver-accounts';
import { listDriverIdTags } from '../db/queries/id-tags';
import { notFound } from '../errors';
import { idTagView } from '../id-tags/id-tag-view';
import { driverView } from './driver-view';

/** A driver with their tags, as the REST API and the driver page show them. */
export async function getDriverDetail(db: Db, id: string, now = new Date()) {
  const driver = await getDriverById(db, id);
  if (!driver) throw notFound('Driver not found');
  const [tags, account] = await Promise.all([listDriverIdTags(db, id), getDriverAccount(db, id)]);
  return { ...driverView(driver), idTags: tags.map((tag) => idTagView(tag, now)), emailVerifiedAt: account?.emailVerifiedAt?.toISOString() ?? null };
}
