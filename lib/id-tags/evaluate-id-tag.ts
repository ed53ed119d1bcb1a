import type { IdTagForAuthorization } from '../db/queries/id-tags';
import type { IdTagInfo } from '../ocpp/v16/types';
import { effectiveExpiry, tagStanding } from './tag-standing';

/**
 * OCPP 1.6 §7.16 AuthorizationStatus, decided from what we store: unknown → Invalid; the tag, its
 * driver or a tag above it blocked → Blocked, expired → Expired (see tagStanding); a station outside
 * the tag's sites → Invalid (1.6 has no "not here" status: the tag is not valid at this station);
 * as many open transactions as the tag allows → ConcurrentTx; else Accepted. Pure: the caller gives the clock.
 */
export function evaluateIdTag(input: { found: IdTagForAuthorization | undefined; openTransactions: number; now: Date }): IdTagInfo {
  const { found, openTransactions, now } = input;
  if (!found) return { status: 'Invalid' };
  const { tag, ancestors } = found;
  const info: IdTagInfo = { status: 'Accepted' };
  const expiry = effectiveExpiry(tag, ancestors);
  if (expiry) info.expiryDate = expiry.toISOString();
  if (tag.parentIdTag) info.parentIdTag = tag.parentIdTag;

  const standing = tagStanding({ tag, driverStatus: found.driverStatus, ancestors, now });
  if (standing.status !== 'Accepted') info.status = standing.status;
  else if (!found.allowedAtStation) info.status = 'Invalid';
  else if (tag.maxConcurrentTx != null && openTransactions >= tag.maxConcurrentTx) info.status = 'ConcurrentTx';
  return info;
}
