import { localDateTimeToInstant, tariffSchema, type SessionTimeline, type Tariff } from '@/lib/pricing';

/** A stretch of a test session: charging at constant power (or a fixed energy), or idle (SuspendedEV). */
export interface Segment {
  minutes: number;
  kw?: number;
  /** Energy of the segment in Wh; overrides kw. */
  wh?: number;
  idle?: boolean;
  currentA?: number;
}

/**
 * A session starting at a local time on the site's wall clock, one meter reading at the end of every
 * segment; idle segments are reported idle periods with no energy. Stopped at the end unless `live`.
 */
export function buildTimeline(
  startLocal: string,
  timeZone: string,
  segments: Segment[],
  options: { live?: boolean; meterStartWh?: number } = {},
): SessionTimeline {
  const startedAt = localDateTimeToInstant(startLocal, timeZone);
  const meterStartWh = options.meterStartWh ?? 10_000;
  let [atMs, registerWh] = [startedAt.getTime(), meterStartWh];
  const meterSamples: SessionTimeline['meterSamples'][number][] = [];
  const idlePeriods: { from: Date; to: Date }[] = [];
  for (const segment of segments) {
    const from = atMs;
    atMs += segment.minutes * 60_000;
    if (segment.idle) idlePeriods.push({ from: new Date(from), to: new Date(atMs) });
    else registerWh += segment.wh ?? Math.round(((segment.kw ?? 0) * 1000 * segment.minutes) / 60);
    meterSamples.push({ at: new Date(atMs), energyWh: registerWh, ...(segment.currentA === undefined ? {} : { currentA: segment.currentA }) });
  }
  return {
    startedAt,
    stoppedAt: options.live ? null : new Date(atMs),
    timeZone,
    meterStartWh,
    meterSamples,
    idlePeriods,
  };
}

/** Parses like the REST layer does, so every tariff in the tests is a valid one. */
export const tariff = (body: unknown): Tariff => tariffSchema.parse(body);

export const energy = (price: number, vat?: number, step_size = 1) => ({
  type: 'ENERGY' as const,
  price,
  step_size,
  ...(vat === undefined ? {} : { vat }),
});
export const time = (price: number, vat?: number, step_size = 1) => ({ ...energy(price, vat, step_size), type: 'TIME' as const });
export const parking = (price: number, vat?: number, step_size = 1) => ({ ...energy(price, vat, step_size), type: 'PARKING_TIME' as const });
export const flat = (price: number, vat?: number) => ({ ...energy(price, vat, 1), type: 'FLAT' as const });
