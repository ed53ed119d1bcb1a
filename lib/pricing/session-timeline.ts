import { assertTimeZone } from './local-time';
import { compare, div, fromDecimal, maxOf, mul, rational, sub, ZERO, type Rational } from './rational';

/** One meter reading: the cumulative register (OCPP Energy.Active.Import.Register), in Wh. */
export interface MeterSample {
  at: Date;
  energyWh: number;
  /** Current.Import summed over all phases, in A. Only min_current/max_current restrictions use it. */
  currentA?: number;
}

/** A stretch the connector reported the EV as not charging (OCPP 1.6 SuspendedEV or Finishing). */
export interface IdlePeriod {
  from: Date;
  /** Absent or null while it lasts. */
  to?: Date | null;
}

/**
 * A session as the engine prices it: a timeline, not a summary. The same value prices a running
 * session ("cost so far", up to `now`), a stopped one (up to `stoppedAt`) and a preview.
 */
export interface SessionTimeline {
  startedAt: Date;
  /** StopTransaction time; null or absent while the session runs. */
  stoppedAt?: Date | null;
  /** IANA zone of the site, e.g. Europe/Berlin: time-of-day and day restrictions use its wall clock. */
  timeZone: string;
  /** Register at StartTransaction (meterStart), Wh. */
  meterStartWh: number;
  /** Readings during the session in any order; for the final cost include the meterStop at stoppedAt. */
  meterSamples: readonly MeterSample[];
  idlePeriods?: readonly IdlePeriod[];
}

export interface TimelineOptions {
  /** Below this average power between two readings the EV counts as not charging (idle). */
  idlePowerThresholdW?: number;
}

/**
 * OCPI counts parking as time "where the EV was not charging (no energy was transferred)". Meters
 * tick in whole Wh and stations report a trickle of noise, so an average below 100 W between two
 * readings is treated as no transfer.
 */
export const DEFAULT_IDLE_POWER_THRESHOLD_W = 100;

/** Between two readings energy flows at a constant rate: the engine interpolates linearly. */
export interface MeterInterval {
  from: number;
  to: number;
  /** Energy delivered in the interval, Wh (negative register jumps, e.g. a meter reset, count as 0). */
  energyWh: Rational;
  /** Average power, W; null when nothing has been measured yet. */
  powerW: Rational | null;
  currentA: number | null;
}

/** The end of the priced stretch: stoppedAt, or `now` for a running session. */
export function pricedUntil(session: SessionTimeline, now: Date | undefined): number {
  const until = session.stoppedAt ?? now;
  if (!until) throw new RangeError('A running session (no stoppedAt) is priced up to `now`; pass it');
  if (until.getTime() < session.startedAt.getTime()) throw new RangeError('The session ends before it starts');
  assertTimeZone(session.timeZone);
  return until.getTime();
}

/**
 * The session as consecutive intervals from startedAt to `untilMs`. Readings outside the session are
 * ignored; of two readings with the same time the higher one counts. After the last reading (a
 * running session between two MeterValues) the last interval's power and current carry on with no
 * energy: the energy is not known yet, and the EV is assumed to stay in the state it was in.
 */
export function meterIntervals(session: SessionTimeline, untilMs: number): MeterInterval[] {
  const startMs = session.startedAt.getTime();
  const byTime = new Map<number, MeterSample>();
  for (const sample of session.meterSamples) {
    const at = sample.at.getTime();
    const known = byTime.get(at);
    if (at > startMs && at <= untilMs && (!known || sample.energyWh > known.energyWh)) byTime.set(at, sample);
  }
  const readings = [...byTime.entries()].sort(([a], [b]) => a - b);
  const intervals: MeterInterval[] = [];
  let [from, register] = [startMs, fromDecimal(session.meterStartWh)];
  let last: MeterInterval | undefined;
  for (const [at, sample] of readings) {
    const reading = fromDecimal(sample.energyWh);
    const energyWh = maxOf(ZERO, sub(reading, register));
    last = { from, to: at, energyWh, powerW: averagePowerW(energyWh, at - from), currentA: sample.currentA ?? null };
    intervals.push(last);
    [from, register] = [at, reading];
  }
  if (from < untilMs) {
    intervals.push({ from, to: untilMs, energyWh: ZERO, powerW: last?.powerW ?? null, currentA: last?.currentA ?? null });
  }
  return intervals;
}

function averagePowerW(energyWh: Rational, durationMs: number): Rational {
  return div(mul(energyWh, rational(3_600_000n)), rational(durationMs));
}

/** Whether an instant lies in a reported idle period ([from, to), open-ended when `to` is absent). */
function inIdlePeriod(periods: readonly IdlePeriod[], atMs: number): boolean {
  return periods.some((p) => p.from.getTime() <= atMs && (p.to == null || atMs < p.to.getTime()));
}

export const idleThresholdW = (options: TimelineOptions): Rational =>
  fromDecimal(options.idlePowerThresholdW ?? DEFAULT_IDLE_POWER_THRESHOLD_W);

/**
 * CHARGING or IDLE at an instant inside an interval: idle when the connector reported it, or when
 * the interval's average power is below the threshold (see idleThresholdW). Unknown power (nothing
 * measured yet) is charging: a session that just started is assumed to draw power.
 */
export function stateAt(
  session: SessionTimeline,
  interval: MeterInterval,
  atMs: number,
  thresholdW: Rational,
): 'CHARGING' | 'IDLE' {
  if (inIdlePeriod(session.idlePeriods ?? [], atMs)) return 'IDLE';
  return interval.powerW !== null && compare(interval.powerW, thresholdW) < 0 ? 'IDLE' : 'CHARGING';
}

/** Idle-period edges inside (fromMs, toMs): the state can change there. */
export function idlePeriodEdges(session: SessionTimeline, fromMs: number, toMs: number): number[] {
  return (session.idlePeriods ?? [])
    .flatMap((p) => [p.from.getTime(), p.to?.getTime()])
    .filter((t): t is number => t !== undefined && t > fromMs && t < toMs);
}
