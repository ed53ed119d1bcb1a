import type { TagAncestor } from '../db/queries/id-tags';
import type { DriverStatus, IdTag, IdTagSetting } from '../db/schema';

export interface TagStanding {
  status: IdTagSetting;
  /** Why, when the status comes from elsewhere than the tag's own setting. */
  reason?: string;
}

type StandingInput = {
  tag: Pick<IdTag, 'status' | 'expiresAt'>;
  driverStatus: DriverStatus | null;
  ancestors: TagAncestor[];
  now: Date;
};

/**
 * What a tag is now, before site and concurrency are considered: Blocked when it, its driver or any
 * tag above it (OCPP 1.6 §3.5.3 parentIdTag: the group) is blocked; else Expired when it or a tag
 * above it is set Expired or past its expiry; else Accepted. Pure: the caller gives the clock.
 */
export function tagStanding({ tag, driverStatus, ancestors, now }: StandingInput): TagStanding {
  const expired = (status: IdTagSetting, at: Date | null) => status === 'Expired' || (at !== null && at.getTime() <= now.getTime());
  if (tag.status === 'Blocked') return { status: 'Blocked' };
  if (driverStatus === 'blocked') return { status: 'Blocked', reason: 'its driver is blocked' };
  const blockedAbove = ancestors.find((ancestor) => ancestor.status === 'Blocked');
  if (blockedAbove) return { status: 'Blocked', reason: `parent ${blockedAbove.idTag} is blocked` };
  if (tag.status === 'Expired') return { status: 'Expired' };
  if (expired(tag.status, tag.expiresAt)) return { status: 'Expired', reason: 'past its expiry date' };
  const expiredAbove = ancestors.find((ancestor) => expired(ancestor.status, ancestor.expiresAt));
  if (expiredAbove) return { status: 'Expired', reason: `parent ${expiredAbove.idTag} has expired` };
  return { status: 'Accepted' };
}

/** The earliest expiry along the chain: when a station should drop the tag from its cache. */
export function effectiveExpiry(tag: Pick<IdTag, 'expiresAt'>, ancestors: TagAncestor[]): Date | null {
  const dates = [tag.expiresAt, ...ancestors.map((ancestor) => ancestor.expiresAt)].filter((at): at is Date => at !== null);
  return dates.length === 0 ? null : new Date(Math.min(...dates.map((at) => at.getTime())));
}
