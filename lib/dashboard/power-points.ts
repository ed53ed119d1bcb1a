/** A point of the fleet power chart (pure: shared by the server and the overview in the browser). */
export interface PowerPoint {
  /** Epoch milliseconds: the start of a bucket, or the instant of a live reading. */
  at: number;
  kw: number;
}

/**
 * Live readings arrive with every batch of events (up to one per frame): the last 5 minutes keep
 * all of them, older ones the last of each minute, so a tab open all day holds hundreds of points.
 */
export function thinLivePoints(points: readonly PowerPoint[], now: number): PowerPoint[] {
  const lastPerMinute = new Map<number, PowerPoint>();
  const recent: PowerPoint[] = [];
  for (const point of points) {
    if (point.at > now - 5 * 60_000) recent.push(point);
    else lastPerMinute.set(Math.floor(point.at / 60_000), point);
  }
  return [...lastPerMinute.values(), ...recent];
}

/** History buckets, then the live readings taken after the last bucket began. */
export function joinPowerPoints(history: readonly PowerPoint[], live: readonly PowerPoint[]): PowerPoint[] {
  const lastBucket = history.at(-1)?.at ?? Number.NEGATIVE_INFINITY;
  return [...history, ...live.filter((point) => point.at > lastBucket)];
}
