import type { LocalListEntryInfo } from '../db/schema';

/** OCPP 1.6 §7.2 AuthorizationData: without idTagInfo, a Differential update removes the tag. */
export interface AuthorizationData {
  idTag: string;
  idTagInfo?: LocalListEntryInfo;
}

const same = (a: LocalListEntryInfo, b: LocalListEntryInfo) => a.status === b.status && a.expiryDate === b.expiryDate && a.parentIdTag === b.parentIdTag;

/** The whole list, for a Full update (§5.15: replaces what the station holds). */
export function fullLocalList(desired: Record<string, LocalListEntryInfo>): AuthorizationData[] {
  return Object.keys(desired)
    .sort()
    .map((idTag) => ({ idTag, idTagInfo: desired[idTag]! }));
}

/** What changed since the list the station accepted: new or changed entries, and removals. Pure. */
export function diffLocalList(sent: Record<string, LocalListEntryInfo>, desired: Record<string, LocalListEntryInfo>): AuthorizationData[] {
  const changes: AuthorizationData[] = [];
  for (const idTag of Object.keys(desired).sort()) {
    const before = sent[idTag];
    if (!before || !same(before, desired[idTag]!)) changes.push({ idTag, idTagInfo: desired[idTag]! });
  }
  for (const idTag of Object.keys(sent).sort()) if (!(idTag in desired)) changes.push({ idTag });
  return changes;
}
