import type { Db } from '../db/client';
import { listIdTagsForAuthorization } from '../db/queries/id-tags';
import type { LocalListEntryInfo } from '../db/schema';
import { evaluateIdTag } from '../id-tags/evaluate-id-tag';

/** Bound of one list; stations advertise their own (SendLocalListMaxLength), commonly a few thousand. */
export const LOCAL_LIST_MAX_ENTRIES = 5000;

/**
 * The list a station should hold now: every tag that may be presented there, with the idTagInfo
 * the CSMS would answer (Accepted, Blocked, Expired, with expiry and parent), so the station decides
 * offline as we would online. Tags not valid at the station's site are left out. Concurrency
 * (ConcurrentTx) is decided online only: a local list cannot know the other open sessions.
 */
export async function desiredLocalList(db: Db, stationId: string, now: Date): Promise<Record<string, LocalListEntryInfo>> {
  const entries: Record<string, LocalListEntryInfo> = {};
  for (const found of await listIdTagsForAuthorization(db, { stationId, limit: LOCAL_LIST_MAX_ENTRIES })) {
    const info = evaluateIdTag({ found, openTransactions: 0, now });
    if (info.status === 'Invalid') continue;
    entries[found.tag.idTag] = { status: info.status, ...(info.expiryDate ? { expiryDate: info.expiryDate } : {}), ...(info.parentIdTag ? { parentIdTag: info.parentIdTag } : {}) };
  }
  return entries;
}
