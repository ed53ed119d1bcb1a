import type { Db } from '../db/client';
import { getStationLocalList } from '../db/queries/local-lists';
import { desiredLocalList } from './desired-local-list';
import { diffLocalList } from './diff-local-list';

export type LocalListSyncState = 'never_sent' | 'in_sync' | 'out_of_date' | 'version_mismatch';

/**
 * A station's list as the operator sees it: the version sent and accepted, the version the station
 * last reported, how many entries it should hold and how many changes are waiting. The station
 * reporting another version than we sent (after we sent it) is `version_mismatch`: send a Full list.
 */
export async function getLocalListStatus(db: Db, stationId: string, now = new Date()) {
  const [row, desired] = await Promise.all([getStationLocalList(db, stationId), desiredLocalList(db, stationId, now)]);
  const pendingChanges = diffLocalList(row?.sentEntries ?? {}, desired).length;
  const reportedAfterSend = row?.reportedAt && (!row.sentAt || row.reportedAt >= row.sentAt);
  let state: LocalListSyncState;
  if (reportedAfterSend && row.reportedVersion !== row.sentVersion && row.sentVersion > 0) state = 'version_mismatch';
  else if (!row || row.sentVersion === 0) state = 'never_sent';
  else state = pendingChanges === 0 ? 'in_sync' : 'out_of_date';
  return {
    stationId,
    state,
    sentVersion: row?.sentVersion ?? 0,
    sentAt: row?.sentAt?.toISOString() ?? null,
    reportedVersion: row?.reportedVersion ?? null,
    reportedAt: row?.reportedAt?.toISOString() ?? null,
    lastError: row?.lastError ?? null,
    entries: Object.keys(desired).length,
    pendingChanges,
  };
}
export type LocalListStatus = Awaited<ReturnType<typeof getLocalListStatus>>;
