import type { Db } from '../db/client';
import { getSiteById, getSiteByName, updateSiteRow } from '../db/queries/sites';
import type { Site } from '../db/schema';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { badRequest, conflict, notFound } from '../errors';
import { siteAuditView } from './create-site';
import { coordinatesIssue, type UpdateSiteInput } from './schemas';

/** Changes some fields of a site; null clears an optional one. Moving a site's time zone only affects sessions not priced yet. */
export async function updateSite(db: Db, actor: Actor, id: string, patch: UpdateSiteInput, now = new Date()): Promise<Site> {
  return db.transaction(async (tx) => {
    const before = await getSiteById(tx, id);
    if (!before) throw notFound('Site not found');
    const issue = coordinatesIssue({ ...before, ...patch });
    if (issue) throw badRequest(`${issue.field}: ${issue.message}`, issue.field);
    if (patch.name !== undefined) {
      const named = await getSiteByName(tx, patch.name);
      if (named && named.id !== id) throw conflict('name_taken', 'A site with this name already exists', 'name');
    }
    const after = (await updateSiteRow(tx, id, patch, now))!;
    await recordAudit(tx, actor, { action: 'site.update', targetType: 'site', targetId: id, before: siteAuditView(before), after: siteAuditView(after) });
    return after;
  });
}
