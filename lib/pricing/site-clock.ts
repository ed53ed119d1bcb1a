import { clockOfWall, DAY_MS, HOUR_MS, utcOffsetAt, type LocalClock } from './local-time';

interface OffsetStretch {
  from: number;
  to: number;
  offsetMs: number;
}

/**
 * [from, to) split where the UTC offset changes. Probed hourly (tzdb never changes an offset twice
 * within an hour), each change located to the millisecond by bisection.
 */
function offsetStretches(timeZone: string, fromMs: number, toMs: number): OffsetStretch[] {
  const stretches: OffsetStretch[] = [];
  let start = fromMs;
  let offset = utcOffsetAt(timeZone, fromMs);
  let probe = fromMs;
  while (probe < toMs) {
    const next = Math.min(probe + HOUR_MS, toMs);
    if (utcOffsetAt(timeZone, next) === offset) {
      probe = next;
      continue;
    }
    let [low, high] = [probe, next];
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (utcOffsetAt(timeZone, middle) === offset) low = middle;
      else high = middle;
    }
    stretches.push({ from: start, to: high, offsetMs: offset });
    [start, probe, offset] = [high, high, utcOffsetAt(timeZone, high)];
  }
  stretches.push({ from: start, to: toMs, offsetMs: offset });
  return stretches;
}

/** The wall clock of a site over one session: its UTC offsets are looked up once, not per instant. */
export interface SiteClock {
  /** The wall clock at an instant of the session. */
  at(epochMs: number): LocalClock;
  /**
   * Instants strictly inside the session at which the wall clock reads one of `msOfDayValues`, plus
   * every change of UTC offset (where the wall clock jumps). Between two consecutive ones the wall
   * clock runs continuously and passes none of the values, so a time-of-day, date or day-of-week
   * restriction cannot change there. Sorted, without duplicates.
   */
  instantsShowing(msOfDayValues: readonly number[]): number[];
}

export function siteClock(timeZone: string, fromMs: number, toMs: number): SiteClock {
  const stretches = offsetStretches(timeZone, fromMs, toMs);
  const offsetAt = (ms: number) => stretches.find((s) => ms >= s.from && ms < s.to)?.offsetMs ?? utcOffsetAt(timeZone, ms);
  return {
    at: (epochMs) => clockOfWall(epochMs + offsetAt(epochMs)),
    instantsShowing(msOfDayValues) {
      const instants = new Set<number>();
      for (const stretch of stretches) {
        if (stretch.from > fromMs) instants.add(stretch.from);
        const firstDay = Math.floor((stretch.from + stretch.offsetMs) / DAY_MS);
        const lastDay = Math.floor((stretch.to + stretch.offsetMs) / DAY_MS);
        for (let day = firstDay; day <= lastDay; day += 1) {
          for (const msOfDay of msOfDayValues) {
            const instant = day * DAY_MS + msOfDay - stretch.offsetMs;
            if (instant >= stretch.from && instant < stretch.to && instant > fromMs) instants.add(instant);
          }
        }
      }
      return [...instants].sort((a, b) => a - b);
    },
  };
}
