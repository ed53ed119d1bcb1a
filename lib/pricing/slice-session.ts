import { minutesOfDayMs } from './match-restrictions';
import { add, compare, div, floor, fromDecimal, mul, rational, sub, ZERO, type Rational } from './rational';
import type { SiteClock } from './site-clock';
import {
  idlePeriodEdges,
  idleThresholdW,
  meterIntervals,
  stateAt,
  type MeterInterval,
  type SessionTimeline,
  type TimelineOptions,
} from './session-timeline';
import type { Tariff } from './tariff-schema';

/**
 * A stretch of the session in which nothing that matters for the price changes: not the wall-clock
 * side of any start_time/end_time or midnight, not a min/max_duration or min/max_kwh bound, not the
 * state (charging/idle), not the grace period, not the meter interval. Restrictions are evaluated at
 * `from` and hold until `to`. Times are epoch ms, exact (a kWh bound is crossed between two ms).
 */
export interface Slice {
  from: Rational;
  to: Rational;
  energyWh: Rational;
  /** Session energy at `from`. */
  energyBeforeWh: Rational;
  powerW: Rational | null;
  currentA: number | null;
  state: 'CHARGING' | 'IDLE';
  /** False for idle time inside the tariff's parking grace period. */
  parkingBillable: boolean;
}

/** Wall-clock times of day at which some restriction can change: midnight and every start/end_time. */
function wallClockBoundaries(tariff: Tariff): number[] {
  const times = tariff.elements.flatMap((e) => [e.restrictions?.start_time, e.restrictions?.end_time]);
  return [...new Set([0, ...times.filter((t): t is string => t !== undefined).map(minutesOfDayMs)])];
}

/** Instants (integer ms) where a time-of-day, date, duration or reported-idle boundary falls. */
function instantBoundaries(tariff: Tariff, session: SessionTimeline, untilMs: number, clock: SiteClock): number[] {
  const startMs = session.startedAt.getTime();
  const durations = tariff.elements
    .flatMap((e) => [e.restrictions?.min_duration, e.restrictions?.max_duration])
    .filter((d): d is number => d !== undefined)
    .map((seconds) => startMs + seconds * 1000)
    .filter((t) => t > startMs && t < untilMs);
  const wallClock = clock.instantsShowing(wallClockBoundaries(tariff));
  const all = [...wallClock, ...durations, ...idlePeriodEdges(session, startMs, untilMs)];
  return [...new Set(all)].sort((a, b) => a - b);
}

/** Session energies (Wh) at which a min_kwh/max_kwh restriction flips. */
function energyBoundaries(tariff: Tariff): Rational[] {
  const kwh = tariff.elements.flatMap((e) => [e.restrictions?.min_kwh, e.restrictions?.max_kwh]);
  const values = [...new Set(kwh.filter((k): k is number => k !== undefined && k > 0))];
  return values.map((k) => mul(fromDecimal(k), rational(1000n)));
}

/** Where inside an interval the price-relevant boundaries fall, sorted, strictly inside (from, to). */
function cutsInside(interval: MeterInterval, energyBefore: Rational, instants: number[], energies: Rational[]): Rational[] {
  const from = rational(interval.from);
  const to = rational(interval.to);
  const cuts = instants.filter((t) => t > interval.from && t < interval.to).map((t) => rational(t));
  for (const energy of energies) {
    const needed = sub(energy, energyBefore);
    if (compare(needed, ZERO) > 0 && compare(needed, interval.energyWh) < 0) {
      cuts.push(add(from, div(mul(needed, sub(to, from)), interval.energyWh)));
    }
  }
  cuts.sort(compare);
  return cuts.filter((cut, i) => i === 0 || compare(cut, cuts[i - 1]!) !== 0);
}

/** The slice cut in two at `at`: before and from `at` on; energy splits in proportion to time. */
function splitSlice(slice: Slice, at: Rational): [Slice, Slice] {
  const share = div(sub(at, slice.from), sub(slice.to, slice.from));
  const energyBefore = mul(slice.energyWh, share);
  return [
    { ...slice, to: at, energyWh: energyBefore },
    { ...slice, from: at, energyWh: sub(slice.energyWh, energyBefore), energyBeforeWh: add(slice.energyBeforeWh, energyBefore) },
  ];
}

/** Marks idle time inside the grace period (our extension) as not billable, splitting where it ends. */
function applyParkingGrace(slices: Slice[], graceMs: number): Slice[] {
  const result: Slice[] = [];
  let idleSoFar = ZERO;
  const grace = rational(graceMs);
  for (const slice of slices) {
    if (slice.state !== 'IDLE') {
      result.push(slice);
      continue;
    }
    const remaining = sub(grace, idleSoFar);
    const duration = sub(slice.to, slice.from);
    idleSoFar = add(idleSoFar, duration);
    if (compare(remaining, ZERO) <= 0) result.push(slice);
    else if (compare(duration, remaining) <= 0) result.push({ ...slice, parkingBillable: false });
    else {
      const [inGrace, after] = splitSlice(slice, add(slice.from, remaining));
      result.push({ ...inGrace, parkingBillable: false }, after);
    }
  }
  return result;
}

export function sliceSession(
  tariff: Tariff,
  session: SessionTimeline,
  untilMs: number,
  clock: SiteClock,
  options: TimelineOptions = {},
): Slice[] {
  const instants = instantBoundaries(tariff, session, untilMs, clock);
  const threshold = idleThresholdW(options);
  const energies = energyBoundaries(tariff);
  const slices: Slice[] = [];
  let energyBeforeWh = ZERO;
  for (const interval of meterIntervals(session, untilMs)) {
    const length = rational(interval.to - interval.from);
    const points = [rational(interval.from), ...cutsInside(interval, energyBeforeWh, instants, energies), rational(interval.to)];
    for (let i = 1; i < points.length; i += 1) {
      const [from, to] = [points[i - 1]!, points[i]!];
      const energyWh = div(mul(interval.energyWh, sub(to, from)), length);
      // Idle-period edges are whole ms, so the ms the slice starts in tells which side it is on.
      const state = stateAt(session, interval, Number(floor(from)), threshold);
      slices.push({ from, to, energyWh, energyBeforeWh, powerW: interval.powerW, currentA: interval.currentA, state, parkingBillable: true });
      energyBeforeWh = add(energyBeforeWh, energyWh);
    }
  }
  return applyParkingGrace(slices, (tariff.parking_grace_seconds ?? 0) * 1000);
}
