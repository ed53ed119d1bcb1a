import type { Db } from '../db/client';
import { listFleetPowerBuckets, type PowerBucket } from '../db/queries/fleet-power';
import type { PowerPoint } from './power-points';

export const POWER_BUCKET_MINUTES = 5;

/**
 * One point per bucket from the first bucket of the window to the one holding `now`; a bucket
 * without samples is 0 kW (no connector reported power, so none was charging).
 */
export function fillPowerBuckets(buckets: readonly PowerBucket[], since: Date, now: Date, bucketMinutes = POWER_BUCKET_MINUTES): PowerPoint[] {
  const step = bucketMinutes * 60_000;
  const byStart = new Map(buckets.map((bucket) => [bucket.at.getTime(), bucket.watts]));
  const points: PowerPoint[] = [];
  for (let at = Math.floor(since.getTime() / step) * step; at <= now.getTime(); at += step) {
    points.push({ at, kw: Math.round(byStart.get(at) ?? 0) / 1000 });
  }
  return points;
}

/** The overview chart's history: fleet power of the last `hours`, per 5-minute bucket. */
export async function getFleetPowerHistory(db: Db, hours: number, now = new Date()): Promise<{ bucketMinutes: number; points: PowerPoint[] }> {
  const since = new Date(now.getTime() - hours * 3_600_000);
  const buckets = await listFleetPowerBuckets(db, { since, until: now, bucketMinutes: POWER_BUCKET_MINUTES });
  return { bucketMinutes: POWER_BUCKET_MINUTES, points: fillPowerBuckets(buckets, since, now) };
}
