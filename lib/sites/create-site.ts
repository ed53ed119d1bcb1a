import type { Db } from '../db/client';
import { getSiteByName, insertSite, type SiteFields } from '../db/queries/sites';
import type { Site } from '../db/schema';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { conflict } from '../errors';
import type { CreateSiteInput } from './schemas';

export async function createSite(db: Db, actor: Actor, input: CreateSiteInput, now = new Date()): Promise<Site> {
  return db.transaction(async (tx) => {
    if (await getSiteByName(tx, input.name)) throw conflict('name_taken', 'A site with this name already exists', 'name');
    const site = await insertSite(tx, input, now);
    await recordAudit(tx, actor, { action: 'site.create', targetType: 'site', targetId: site.id, after: siteAuditView(site) });
    return site;
  });
}

export function siteAuditView(site: SiteFields) {
  const { name, addressLine, postalCode, city, country, latitude, longitude, timeZone } = site;
  return { name, addressLine, postalCode, city, country, latitude, longitude, timeZone };
}
