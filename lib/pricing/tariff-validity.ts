import type { Tariff } from './tariff-schema';

/** OCPI DateTime is UTC; the `Z` may be missing (§16.2). */
const parseUtc = (value: string): number => Date.parse(/[zZ]$/.test(value) ? value : `${value}Z`);

/**
 * Whether a tariff is in force at an instant: start_date_time ≤ at < end_date_time (each optional).
 * For choosing the tariff a session starts under; the engine never switches tariffs within a session
 * (OCPI §11.3.1 note: the driver accepts the tariff valid when they start), so priceSession ignores
 * these fields.
 */
export function isTariffActiveAt(tariff: Pick<Tariff, 'start_date_time' | 'end_date_time'>, at: Date): boolean {
  const time = at.getTime();
  if (tariff.start_date_time !== undefined && time < parseUtc(tariff.start_date_time)) return false;
  return tariff.end_date_time === undefined || time < parseUtc(tariff.end_date_time);
}
