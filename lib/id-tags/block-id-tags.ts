import type { Db } from '../db/client';
import { lockIdTagsByValue, updateIdTagRow } from '../db/queries/id-tags';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record-audit';
import { badRequest } from '../errors';
import { publishIdTagsUpdated } from './publish-id-tags-updated';
import type { BulkBlockInput } from './schemas';

/**
 * Blocks (→ Blocked) or unblocks (Blocked → Accepted) many tags at once, all or none: an unknown
 * value refuses the whole request. Tags already in the wanted state are left alone. Each change is
 * one audit row.
 */
export async function blockIdTags(db: Db, actor: Actor, input: BulkBlockInput, now = new Date()): Promise<{ changed: string[] }> {
  const changed = await db.transaction(async (tx) => {
    const rows = await lockIdTagsByValue(tx, [...new Set(input.idTags)]);
    const known = new Set(rows.map((row) => row.idTag));
    const unknown = input.idTags.findIndex((value) => !known.has(value));
    if (unknown >= 0) throw badRequest(`idTags.${unknown}: no tag ${input.idTags[unknown]} is registered`, `idTags.${unknown}`);
    const status = input.action === 'block' ? 'Blocked' : 'Accepted';
    const toChange = rows.filter((row) => (input.action === 'block' ? row.status !== 'Blocked' : row.status === 'Blocked'));
    for (const row of toChange) {
      await updateIdTagRow(tx, row.id, { status }, now);
      await recordAudit(tx, actor, {
        action: 'id_tag.update',
        targetType: 'id_tag',
        targetId: row.idTag,
        before: { status: row.status },
        after: { status },
        detail: `bulk ${input.action}`,
      });
    }
    return toChange.map((row) => row.idTag);
  });
  await publishIdTagsUpdated(db, changed);
  return { changed };
}
