import type { LocalClock } from './local-time';
import { compare, fromDecimal, mul, rational, type Rational } from './rational';
import type { PriceComponent, Tariff, TariffDimension, TariffRestrictions } from './tariff-schema';

/** What the restrictions of an element are evaluated against, at one instant of the session. */
export interface RestrictionContext {
  clock: LocalClock;
  /** Time since the session started, ms. */
  durationMs: Rational;
  /** Energy delivered in the session so far, Wh. */
  energyWh: Rational;
  /** Average power of the meter interval this instant lies in, W; null when nothing is measured yet. */
  powerW: Rational | null;
  /** Summed over phases, A; null when the station does not report it. */
  currentA: number | null;
}

export const minutesOfDayMs = (hhmm: string): number =>
  (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) * 60_000;

/**
 * start_time inclusive, end_time exclusive; start_time > end_time wraps past midnight (22:00–06:00).
 * The spec's own "20:00"–"23:59" therefore ends at 23:59, not at midnight.
 */
function inTimeWindow(msOfDay: number, from: number | undefined, to: number | undefined): boolean {
  if (from !== undefined && to !== undefined) {
    return from < to ? msOfDay >= from && msOfDay < to : msOfDay >= from || msOfDay < to;
  }
  if (from !== undefined) return msOfDay >= from;
  return to === undefined || msOfDay < to;
}

/** The numeric bounds in the engine's units (Wh, W, ms), converted once per restrictions object. */
interface Bounds {
  from?: number;
  to?: number;
  minWh?: Rational;
  maxWh?: Rational;
  minW?: Rational;
  maxW?: Rational;
  minMs?: Rational;
  maxMs?: Rational;
}

const boundsCache = new WeakMap<TariffRestrictions, Bounds>();
const KILO = rational(1000n);
const thousandfold = (value: number | undefined) => (value === undefined ? undefined : mul(fromDecimal(value), KILO));

function boundsOf(r: TariffRestrictions): Bounds {
  let bounds = boundsCache.get(r);
  if (!bounds) {
    bounds = {
      from: r.start_time === undefined ? undefined : minutesOfDayMs(r.start_time),
      to: r.end_time === undefined ? undefined : minutesOfDayMs(r.end_time),
      minWh: thousandfold(r.min_kwh),
      maxWh: thousandfold(r.max_kwh),
      minW: thousandfold(r.min_power),
      maxW: thousandfold(r.max_power),
      minMs: thousandfold(r.min_duration),
      maxMs: thousandfold(r.max_duration),
    };
    boundsCache.set(r, bounds);
  }
  return bounds;
}

/** value ≥ min (absent bound: true; unknown value: false). */
const atLeast = (value: Rational | null, min: Rational | undefined) => min === undefined || (value !== null && compare(value, min) >= 0);
/** value < max (absent bound: true; unknown value: false). */
const below = (value: Rational | null, max: Rational | undefined) => max === undefined || (value !== null && compare(value, max) < 0);

/**
 * OCPI §11.4.6: every present restriction must hold. Lower bounds are inclusive, upper bounds
 * exclusive (OCPI says so for durations and end_date; the same rule for kWh, power and current keeps
 * adjacent elements from overlapping). Unknown power or current never satisfies a power/current
 * bound. An empty day_of_week list restricts nothing. An element with `reservation` prices
 * reservations, which a charging session is not.
 */
export function restrictionsMatch(restrictions: TariffRestrictions | undefined, context: RestrictionContext): boolean {
  if (!restrictions) return true;
  const r = restrictions;
  const b = boundsOf(r);
  const { clock, currentA } = context;
  return (
    r.reservation === undefined &&
    inTimeWindow(clock.msOfDay, b.from, b.to) &&
    (r.start_date === undefined || clock.date >= r.start_date) &&
    (r.end_date === undefined || clock.date < r.end_date) &&
    (!r.day_of_week?.length || r.day_of_week.includes(clock.dayOfWeek)) &&
    atLeast(context.energyWh, b.minWh) &&
    below(context.energyWh, b.maxWh) &&
    atLeast(context.powerW, b.minW) &&
    below(context.powerW, b.maxW) &&
    (r.min_current === undefined || (currentA !== null && currentA >= r.min_current)) &&
    (r.max_current === undefined || (currentA !== null && currentA < r.max_current)) &&
    atLeast(context.durationMs, b.minMs) &&
    below(context.durationMs, b.maxMs)
  );
}

export interface ActiveComponent {
  elementIndex: number;
  component: PriceComponent;
}

/**
 * OCPI §11.3.1: "the first Tariff Element with that Dimension in the list with matching Tariff
 * Restrictions will be used". Null when none matches: that dimension costs nothing then.
 */
export function activeComponent(
  tariff: Tariff,
  dimension: TariffDimension,
  context: RestrictionContext,
): ActiveComponent | null {
  for (const [elementIndex, element] of tariff.elements.entries()) {
    const component = element.price_components.find((c) => c.type === dimension);
    if (component && restrictionsMatch(element.restrictions, context)) return { elementIndex, component };
  }
  return null;
}
