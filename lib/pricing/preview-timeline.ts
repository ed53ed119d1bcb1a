import { MINUTE_MS } from './local-time';
import { priceSession, type PricingOptions, type SessionCost } from './price-session';
import { div, fromDecimal, mul, rational, roundHalfUp } from './rational';
import type { SessionTimeline } from './session-timeline';
import type { Tariff } from './tariff-schema';

/** "22 kW for 2 h starting 18:00, then 30 min idle". */
export interface PreviewInput {
  /** An instant; for a local time at the site use localDateTimeToInstant('2025-06-02T18:00', timeZone). */
  startsAt: Date;
  timeZone: string;
  powerKw: number;
  chargingMinutes: number;
  idleMinutes?: number;
  /** Summed over phases, for tariffs with min_current/max_current. */
  currentA?: number;
}

function assertNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a number ≥ 0`);
}

/**
 * A synthetic timeline for the preview calculator: constant power while charging, then idle
 * (reported as such, so the idle part is parking whatever the threshold). Energy is rounded to whole
 * Wh, like a meter register.
 */
export function buildPreviewTimeline(input: PreviewInput): SessionTimeline {
  const idleMinutes = input.idleMinutes ?? 0;
  assertNonNegative('powerKw', input.powerKw);
  assertNonNegative('chargingMinutes', input.chargingMinutes);
  assertNonNegative('idleMinutes', idleMinutes);
  const startMs = input.startsAt.getTime();
  const chargedUntil = new Date(startMs + Math.round(input.chargingMinutes * MINUTE_MS));
  const stoppedAt = new Date(chargedUntil.getTime() + Math.round(idleMinutes * MINUTE_MS));
  const energyWh = Number(
    roundHalfUp(div(mul(mul(fromDecimal(input.powerKw), rational(1000n)), fromDecimal(input.chargingMinutes)), rational(60n))),
  );
  const current = input.currentA === undefined ? {} : { currentA: input.currentA };
  return {
    startedAt: input.startsAt,
    stoppedAt,
    timeZone: input.timeZone,
    meterStartWh: 0,
    meterSamples: [
      { at: chargedUntil, energyWh, ...current },
      ...(idleMinutes > 0 ? [{ at: stoppedAt, energyWh, ...(input.currentA === undefined ? {} : { currentA: 0 }) }] : []),
    ],
    idlePeriods: idleMinutes > 0 ? [{ from: chargedUntil, to: stoppedAt }] : [],
  };
}

/** The preview calculator: the cost of the synthetic session, priced by the same engine. */
export function previewCost(tariff: Tariff, input: PreviewInput, options: PricingOptions = {}): SessionCost {
  return priceSession(tariff, buildPreviewTimeline(input), options);
}
