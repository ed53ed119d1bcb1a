import { DAYS_OF_WEEK, type DayOfWeek } from './tariff-schema';

/*
 * The site's wall clock. OCPI evaluates start_time/end_time, start_date/end_date and day_of_week in
 * the local time of the Location (§11.4.6 TariffRestrictions), so every boundary is found on the
 * wall clock of the site's IANA zone — through DST, where a local time may not exist or exist twice.
 * Times here are epoch milliseconds.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError naming the zone unless it is an IANA time zone the runtime knows. */
export function assertTimeZone(timeZone: string): void {
  try {
    formatterFor(timeZone);
  } catch {
    throw new RangeError(`Unknown time zone: ${timeZone}`);
  }
}

/** Local minus UTC, in ms, at an instant (+3 600 000 for Berlin in winter). */
export function utcOffsetAt(timeZone: string, epochMs: number): number {
  const second = Math.floor(epochMs / 1000) * 1000;
  const parts = formatterFor(timeZone).formatToParts(new Date(second));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - second;
}

export interface LocalClock {
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  /** Milliseconds since local midnight as the wall clock shows it. */
  msOfDay: number;
  dayOfWeek: DayOfWeek;
}

/** The clock for a wall time expressed as ms since 1970-01-01T00:00 local. */
export function clockOfWall(wall: number): LocalClock {
  const dayStart = Math.floor(wall / DAY_MS) * DAY_MS;
  const day = new Date(dayStart);
  return {
    date: day.toISOString().slice(0, 10),
    msOfDay: wall - dayStart,
    dayOfWeek: DAYS_OF_WEEK[(day.getUTCDay() + 6) % 7]!,
  };
}

/**
 * The instant a local date-time ("2025-03-30T02:30") names in a zone. Like Temporal's "compatible":
 * a time that occurs twice (autumn) is the earlier one; one skipped by DST (spring) moves forward by
 * the gap (02:30 → 03:30 in Berlin).
 */
export function localDateTimeToInstant(localDateTime: string, timeZone: string): Date {
  const wall = Date.parse(`${localDateTime}Z`);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(localDateTime) || Number.isNaN(wall)) {
    throw new RangeError(`Not a local date-time (YYYY-MM-DDTHH:MM): ${localDateTime}`);
  }
  const offsets = [utcOffsetAt(timeZone, wall - DAY_MS), utcOffsetAt(timeZone, wall + DAY_MS)];
  const exact = offsets.map((offset) => wall - offset).filter((t) => t + utcOffsetAt(timeZone, t) === wall);
  return new Date(exact.length > 0 ? Math.min(...exact) : wall - Math.min(...offsets));
}
