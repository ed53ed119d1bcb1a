import type { Db } from '../db/client';
import { getIdTagByValue, getIdTagRow, insertIdTag, replaceIdTagSites, type IdTagRow } from '../db/queries/id-tags';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { checkIdTagFields, idTagTaken } from './check-id-tag-fields';
import { newIdTagFields } from './id-tag-fields';
import { idTagAuditView, idTagView, type IdTagView } from './id-tag-view';
import { isUniqueViolation } from './is-unique-violation';
import { publishIdTagsUpdated } from './publish-id-tags-updated';
import type { CreateIdTagInput } from './schemas';

export async function createIdTag(db: Db, actor: Actor, input: CreateIdTagInput, now = new Date()): Promise<IdTagView> {
  let created: IdTagRow;
  try {
    created = await db.transaction(async (tx) => {
      if (await getIdTagByValue(tx, input.idTag)) throw idTagTaken(input.idTag);
      await checkIdTagFields(tx, input, now);
      const tag = await insertIdTag(tx, newIdTagFields(input), now);
      if (input.siteIds) await replaceIdTagSites(tx, tag.id, input.siteIds);
      const row = (await getIdTagRow(tx, { id: tag.id }))!;
      await recordAudit(tx, actor, { action: 'id_tag.create', targetType: 'id_tag', targetId: row.idTag, after: idTagAuditView(row) });
      return row;
    });
  } catch (error) {
    // Two creates of the same value at once: the second meets the unique index.
    if (isUniqueViolation(error, 'id_tags_id_tag_key')) throw idTagTaken(input.idTag);
    throw error;
  }
  await publishIdTagsUpdated(db, [created.idTag]);
  return idTagView(created, now);
}
