import type { IdTagRow } from '../db/queries/id-tags';
import { effectiveExpiry, tagStanding } from './tag-standing';

/** A tag as the REST API and the pages show it; `effectiveStatus` is what a station would be told now (site and concurrency aside). */
export function idTagView(row: IdTagRow, now: Date) {
  const standing = tagStanding({ tag: row, driverStatus: row.driverStatus, ancestors: row.ancestors, now });
  return {
    id: row.id,
    idTag: row.idTag,
    status: row.status,
    effectiveStatus: standing.status,
    statusReason: standing.reason ?? null,
    expiryDate: row.expiresAt?.toISOString() ?? null,
    effectiveExpiryDate: effectiveExpiry(row, row.ancestors)?.toISOString() ?? null,
    parentIdTag: row.parentIdTag,
    driverId: row.driverId,
    driverName: row.driverName,
    maxActiveTransactions: row.maxConcurrentTx,
    siteIds: row.allSites ? null : row.siteIds,
    label: row.label,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type IdTagView = ReturnType<typeof idTagView>;

/** What the audit log keeps of a tag: the fields an operator sets. */
export function idTagAuditView(row: IdTagRow) {
  const { idTag, status, expiresAt, parentIdTag, driverId, maxConcurrentTx, allSites, siteIds, label } = row;
  return { idTag, status, expiryDate: expiresAt?.toISOString() ?? null, parentIdTag, driverId, maxActiveTransactions: maxConcurrentTx, siteIds: allSites ? null : siteIds, label };
}
