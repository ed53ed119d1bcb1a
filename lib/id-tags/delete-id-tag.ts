import type { Db } from '../db/client';
import { deleteIdTagRow, getIdTagRow, listChildIdTags, lockIdTagsByValue } from '../db/queries/id-tags';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { conflict, notFound } from '../errors';
import { idTagAuditView } from './id-tag-view';
import { publishIdTagsUpdated } from './publish-id-tags-updated';

/**
 * Deletes a tag; stations then get Invalid for it. A group's tag with members is refused: its
 * members would silently lose their group (and a block on it). Past sessions keep the value.
 */
export async function deleteIdTag(db: Db, actor: Actor, idTag: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await lockIdTagsByValue(tx, [idTag]);
    if (!current) throw notFound(`No tag ${idTag} is registered`);
    const children = await listChildIdTags(tx, idTag);
    if (children.length > 0) {
      const named = children.slice(0, 5).join(', ') + (children.length > 5 ? ` and ${children.length - 5} more` : '');
      throw conflict('id_tag_has_members', `${named} name ${idTag} as their parent: give them another parent or none first`);
    }
    const before = (await getIdTagRow(tx, { id: current.id }))!;
    await deleteIdTagRow(tx, current.id);
    await recordAudit(tx, actor, { action: 'id_tag.delete', targetType: 'id_tag', targetId: idTag, before: idTagAuditView(before) });
  });
  await publishIdTagsUpdated(db, [idTag]);
}
