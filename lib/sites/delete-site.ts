import type { Db } from '../db/client';
import { countSiteStations, deleteSiteRow, getSiteById } from '../db/queries/sites';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { conflict, notFound } from '../errors';
import { siteAuditView } from './create-site';

/**
 * Deletes a site that has no stations. A site with stations is refused rather than emptied: its
 * stations would silently lose their time zone and their site tariff.
 */
export async function deleteSite(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const site = await getSiteById(tx, id);
    if (!site) throw notFound('Site not found');
    const stationCount = await countSiteStations(tx, id);
    if (stationCount > 0) {
      throw conflict('site_not_empty', `The site still has ${stationCount} station${stationCount === 1 ? '' : 's'}: assign them elsewhere or remove them first`);
    }
    await deleteSiteRow(tx, id);
    await recordAudit(tx, actor, { action: 'site.delete', targetType: 'site', targetId: id, before: siteAuditView(site) });
  });
}
