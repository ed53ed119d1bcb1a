import type { IdTagWithParent } from '../db/queries/id-tags';
import type { IdTagInfo } from '../ocpp/v16/types';

/**
 * OCPP 1.6 §7.16 AuthorizationStatus, decided from what we store: unknown → Invalid; the tag or its
 * parent (§3.5.3 "parentIdTag": a group of tags) blocked → Blocked, expired → Expired; as many open
 * transactions as the tag allows → ConcurrentTx; else Accepted. Pure: the caller gives the clock.
 */
export function evaluateIdTag(input: { found: IdTagWithParent | undefined; openTransactions: number; now: Date }): IdTagInfo {
  const { found, openTransactions, now } = input;
  if (!found) return { status: 'Invalid' };
  const { tag, parent } = found;
  const info: IdTagInfo = { status: 'Accepted' };
  if (tag.expiresAt) info.expiryDate = tag.expiresAt.toISOString();
  if (tag.parentIdTag) info.parentIdTag = tag.parentIdTag;

  const expired = (at: Date | null | undefined) => at != null && at.getTime() <= now.getTime();
  if (tag.blocked || parent?.blocked) info.status = 'Blocked';
  else if (expired(tag.expiresAt) || expired(parent?.expiresAt)) info.status = 'Expired';
  else if (tag.maxConcurrentTx != null && openTransactions >= tag.maxConcurrentTx) info.status = 'ConcurrentTx';
  return info;
}
