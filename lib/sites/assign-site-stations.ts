import type { Db } from '../db/client';
import { getSiteById, listExistingStationIds, listSiteStations, replaceSiteStations, type SiteStation } from '../db/queries/sites';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { badRequest, notFound } from '../errors';

/**
 * Makes `stationIds` exactly the site's stations (PUT semantics): listed stations move here from
 * wherever they were, the site's unlisted stations become unassigned.
 */
export async function assignSiteStations(db: Db, actor: Actor, siteId: string, stationIds: string[], now = new Date()): Promise<SiteStation[]> {
  const wanted = [...new Set(stationIds)];
  return db.transaction(async (tx) => {
    if (!(await getSiteById(tx, siteId))) throw notFound('Site not found');
    const existing = await listExistingStationIds(tx, wanted);
    const unknown = stationIds.findIndex((id) => !existing.has(id));
    if (unknown >= 0) throw badRequest(`stationIds.${unknown}: no station ${stationIds[unknown]}`, `stationIds.${unknown}`);
    const before = (await listSiteStations(tx, siteId)).map((station) => station.id);
    await replaceSiteStations(tx, siteId, wanted, now);
    const after = await listSiteStations(tx, siteId);
    await recordAudit(tx, actor, {
      action: 'site.assign_stations',
      targetType: 'site',
      targetId: siteId,
      before: { stationIds: before },
      after: { stationIds: after.map((station) => station.id) },
    });
    return after;
  });
}
