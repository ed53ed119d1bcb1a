import fc from 'fast-check';
import { tariffSchema, type SessionTimeline, type Tariff, type TariffDimension, type TariffRestrictions } from '@/lib/pricing';

/** fast-check generators of valid tariffs and session timelines for the property tests. */

export const ZONES = ['Europe/Berlin', 'America/New_York'] as const;
export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

/** The 2025 DST changes of both zones, UTC: sessions are drawn around them half of the time. */
export const DST_CHANGES_2025 = ['2025-03-30T01:00:00Z', '2025-10-26T01:00:00Z', '2025-03-09T07:00:00Z', '2025-11-02T06:00:00Z'].map(Date.parse);
const YEAR_2025 = { min: Date.parse('2025-01-01T00:00:00Z') / 1000, max: Date.parse('2025-12-31T00:00:00Z') / 1000 };

const pad = (n: number) => String(n).padStart(2, '0');
export const hhmmArb = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 7, 15, 30, 45)).map(([h, m]) => `${pad(h)}:${pad(m)}`);
/** 0 to 5.0000 currency units, at most 4 decimals, as OCPI allows. */
const priceArb = fc.integer({ min: 0, max: 50_000 }).map((n) => n / 10_000);
const vatArb = fc.option(fc.constantFrom(0, 5.2, 7, 10, 19, 20, 21), { nil: undefined });

export interface TariffShape {
  /** step_size 1 everywhere (the only case where OCPI's rounding cannot make a longer session cheaper). */
  unitSteps?: boolean;
  /** Restrictions that do not depend on energy, power or current. */
  clockOnly?: boolean;
}

/** Removes what the schema would reject: equal start/end time, empty [min, max) ranges. */
function fixBounds(r: Record<string, unknown>): TariffRestrictions {
  const fixed = { ...r };
  if (fixed.start_time === fixed.end_time) delete fixed.end_time;
  const pairs = [['min_kwh', 'max_kwh'], ['min_power', 'max_power'], ['min_current', 'max_current'], ['min_duration', 'max_duration']] as const;
  for (const [low, high] of pairs) {
    if (fixed[low] !== undefined && fixed[high] !== undefined && !((fixed[low] as number) < (fixed[high] as number))) delete fixed[high];
  }
  return fixed as TariffRestrictions;
}

function restrictionsArb(shape: TariffShape): fc.Arbitrary<TariffRestrictions> {
  const clock = {
    start_time: hhmmArb,
    end_time: hhmmArb,
    day_of_week: fc.subarray([...DAYS], { minLength: 1 }),
    min_duration: fc.integer({ min: 0, max: 4 * 3600 }),
    max_duration: fc.integer({ min: 60, max: 6 * 3600 }),
  };
  const metered = {
    min_kwh: fc.integer({ min: 0, max: 60 }).map((n) => n / 2),
    max_kwh: fc.integer({ min: 1, max: 80 }).map((n) => n / 2),
    min_power: fc.integer({ min: 0, max: 50 }),
    max_power: fc.integer({ min: 1, max: 150 }),
    min_current: fc.integer({ min: 0, max: 32 }),
    max_current: fc.integer({ min: 1, max: 64 }),
  };
  return fc.record(shape.clockOnly ? clock : { ...clock, ...metered }, { requiredKeys: [] }).map(fixBounds);
}

function elementArb(shape: TariffShape) {
  const stepArb = shape.unitSteps ? fc.constant(1) : fc.constantFrom(1, 60, 100, 300, 500, 900, 1800);
  const dimensions = fc.subarray<TariffDimension>(['ENERGY', 'FLAT', 'PARKING_TIME', 'TIME'], { minLength: 1 });
  const components = dimensions.chain((types) =>
    fc.tuple(...types.map((type) => fc.record({ type: fc.constant(type), price: priceArb, vat: vatArb, step_size: stepArb }))),
  );
  return fc.record({ price_components: components, restrictions: fc.option(restrictionsArb(shape), { nil: undefined }) }, { requiredKeys: ['price_components'] });
}

/** A price bound with both excl. and incl. VAT (with excl. only, the gross follows the VAT mix). */
const priceBoundArb = fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 600 })).map(([excl, extra]) => ({ excl_vat: excl / 100, incl_vat: (excl + extra) / 100 }));

export function tariffArb(shape: TariffShape = {}): fc.Arbitrary<Tariff> {
  return fc
    .record({
      elements: fc.array(elementArb(shape), { minLength: 1, maxLength: 4 }),
      fallback: fc.option(elementArb({ ...shape, clockOnly: true }).map((e) => ({ price_components: e.price_components })), { nil: undefined }),
      min_price: fc.option(priceBoundArb, { nil: undefined }),
      max_price: fc.option(priceBoundArb, { nil: undefined }),
      parking_grace_seconds: fc.option(fc.integer({ min: 0, max: 3600 }), { nil: undefined }),
    })
    .map(({ elements, fallback, min_price, max_price, parking_grace_seconds }) => {
      const bounds = min_price && max_price && max_price.excl_vat < min_price.excl_vat ? { min_price } : { min_price, max_price };
      const body = JSON.parse(JSON.stringify({ currency: 'EUR', elements: fallback ? [...elements, fallback] : elements, ...bounds, parking_grace_seconds }));
      return tariffSchema.parse(body);
    });
}

export interface GeneratedSession {
  timeline: SessionTimeline;
  /** Reading times, ms, ascending; the session stops at the last one. */
  readingTimes: number[];
}

/** 1–10 readings at whole seconds (0–40 kWh each, sometimes none), maybe one reported idle period. */
export const sessionArb: fc.Arbitrary<GeneratedSession> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    startSecond: fc.oneof(
      fc.integer(YEAR_2025),
      fc.constantFrom(...DST_CHANGES_2025).chain((change) => fc.integer({ min: change / 1000 - 30 * 3600, max: change / 1000 + 2 * 3600 })),
    ),
    readings: fc.array(
      fc.record({
        seconds: fc.integer({ min: 1, max: 3 * 3600 }),
        wh: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40_000 })),
        currentA: fc.option(fc.integer({ min: 0, max: 64 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 10 },
    ),
    idle: fc.option(fc.record({ afterSecond: fc.integer({ min: 0, max: 10 * 3600 }), seconds: fc.option(fc.integer({ min: 1, max: 4 * 3600 }), { nil: undefined }) }), { nil: undefined }),
  })
  .map(({ timeZone, startSecond, readings, idle }) => {
    const start = startSecond * 1000;
    let [at, register] = [start, 50_000];
    const meterSamples = readings.map((reading) => {
      [at, register] = [at + reading.seconds * 1000, register + reading.wh];
      return { at: new Date(at), energyWh: register, ...(reading.currentA === undefined ? {} : { currentA: reading.currentA }) };
    });
    const idleFrom = start + (idle?.afterSecond ?? 0) * 1000;
    const idlePeriods = idle ? [{ from: new Date(idleFrom), to: idle.seconds === undefined ? null : new Date(idleFrom + idle.seconds * 1000) }] : [];
    const timeline: SessionTimeline = { startedAt: new Date(start), stoppedAt: new Date(at), timeZone, meterStartWh: 50_000, meterSamples, idlePeriods };
    return { timeline, readingTimes: meterSamples.map((s) => s.at.getTime()) };
  });

/** The session as it stood at its k-th reading (k ≥ 1): stopped there, later readings unknown. */
export function stoppedAtReading(session: GeneratedSession, k: number): SessionTimeline {
  return { ...session.timeline, meterSamples: session.timeline.meterSamples.slice(0, k), stoppedAt: new Date(session.readingTimes[k - 1]!) };
}
