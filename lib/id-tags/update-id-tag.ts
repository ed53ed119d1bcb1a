import type { Db } from '../db/client';
import { getIdTagRow, lockIdTagsByValue, replaceIdTagSites, updateIdTagRow } from '../db/queries/id-tags';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { notFound } from '../errors';
import { checkIdTagFields } from './check-id-tag-fields';
import { idTagPatchFields } from './id-tag-fields';
import { idTagAuditView, idTagView, type IdTagView } from './id-tag-view';
import { publishIdTagsUpdated } from './publish-id-tags-updated';
import type { UpdateIdTagInput } from './schemas';

/** Changes the fields given; the value itself (the tag's identity at the stations) never changes. */
export async function updateIdTag(db: Db, actor: Actor, idTag: string, patch: UpdateIdTagInput, now = new Date()): Promise<IdTagView> {
  const updated = await db.transaction(async (tx) => {
    const [current] = await lockIdTagsByValue(tx, [idTag]);
    if (!current) throw notFound(`No tag ${idTag} is registered`);
    const before = (await getIdTagRow(tx, { id: current.id }))!;
    await checkIdTagFields(tx, { idTag, ...patch }, now);
    await updateIdTagRow(tx, current.id, idTagPatchFields(patch), now);
    if (patch.siteIds !== undefined) await replaceIdTagSites(tx, current.id, patch.siteIds ?? []);
    const after = (await getIdTagRow(tx, { id: current.id }))!;
    await recordAudit(tx, actor, { action: 'id_tag.update', targetType: 'id_tag', targetId: idTag, before: idTagAuditView(before), after: idTagAuditView(after) });
    return after;
  });
  await publishIdTagsUpdated(db, [idTag]);
  return idTagView(updated, now);
}
