/**
 * Subscription periods are calendar months counted from the start instant (UTC): a subscription
 * from Jan 31 10:00 has periods Jan 31 → Feb 28 → Mar 31 → …, each clamped to the month's last day
 * and always anchored on the start (never drifting). Pure.
 */
export function addMonths(anchor: Date, months: number): Date {
  const year = anchor.getUTCFullYear();
  const month = anchor.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(anchor.getUTCDate(), lastDay);
  return new Date(Date.UTC(year, month, day, anchor.getUTCHours(), anchor.getUTCMinutes(), anchor.getUTCSeconds(), anchor.getUTCMilliseconds()));
}

export interface Period {
  index: number;
  start: Date;
  end: Date;
}

/** The period containing `at` (at ≥ start). */
export function periodAt(startsAt: Date, at: Date): Period {
  let index = Math.max(0, (at.getUTCFullYear() - startsAt.getUTCFullYear()) * 12 + at.getUTCMonth() - startsAt.getUTCMonth() - 1);
  while (addMonths(startsAt, index + 1) <= at) index += 1;
  return { index, start: addMonths(startsAt, index), end: addMonths(startsAt, index + 1) };
}

/** Every period that has begun by `now` and before the subscription's end, oldest first. */
export function periodsBegunBy(startsAt: Date, endsAt: Date | null, now: Date): Period[] {
  const periods: Period[] = [];
  for (let index = 0; ; index += 1) {
    const start = addMonths(startsAt, index);
    if (start > now || (endsAt && start >= endsAt)) return periods;
    periods.push({ index, start, end: addMonths(startsAt, index + 1) });
  }
}

/** VAT of a net amount at a percentage (e.g. 19 or 7.7), half-up, in integers: no float drift. */
export function vatOf(net: number, percent: number): number {
  const basisPoints = Math.round(percent * 100);
  const scaled = net * basisPoints;
  return Math.sign(scaled) * Math.floor((Math.abs(scaled) + 5000) / 10000);
}
