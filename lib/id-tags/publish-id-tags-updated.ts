import type { Db } from '../db/client';
import { listDescendantValues } from '../db/queries/id-tags';
import { getBus } from '../bus/get-bus';

/**
 * After a change has committed: one `idTag.updated` per changed tag and per tag below it (their
 * authorization follows their parents). Listeners (live pages, local-list sync) re-read the rows.
 */
export async function publishIdTagsUpdated(db: Db, changed: string[]): Promise<void> {
  if (changed.length === 0) return;
  const below = await listDescendantValues(db, changed);
  const bus = getBus();
  for (const idTag of new Set([...changed, ...below])) bus.publish({ kind: 'idTag.updated', idTag });
}
