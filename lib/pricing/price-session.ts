import { costLine, toSafeInteger, type CostLine } from './cost-lines';
import { applyMinMaxPrice, type MinMaxAdjustment, type Totals } from './min-max-price';
import { div, rational, toNumber } from './rational';
import { pricedUntil, type SessionTimeline, type TimelineOptions } from './session-timeline';
import { siteClock } from './site-clock';
import { sliceSession } from './slice-session';
import { applyStepSizes } from './step-size';
import type { Tariff } from './tariff-schema';
import { tallyVolumes } from './tally-volumes';

export interface PricingOptions extends TimelineOptions {
  /** The clock (injected): a running session, without stoppedAt, is priced up to this instant. */
  now?: Date;
}

/** A session's cost. Money in integer minor units of `currency`; see cost-lines.ts for rounding. */
export interface SessionCost {
  currency: string;
  lines: CostLine[];
  net: number;
  vat: number;
  gross: number;
  /** Present when min_price or max_price changed the totals; the totals include it. */
  minMaxAdjustment?: MinMaxAdjustment;
  /** What was consumed (before step_size): Wh, and seconds charging and idle (grace included). */
  usage: { energyWh: number; chargingSeconds: number; idleSeconds: number };
  pricedFrom: string;
  pricedUntil: string;
  /** True when priced up to stoppedAt; false for a running session's cost so far. */
  isFinal: boolean;
}

/**
 * Prices a session with a tariff under OCPI 2.2.1 semantics: restrictions evaluated at every instant
 * on the site's wall clock and on the session so far, per dimension the first matching element,
 * FLAT once, step_size on totals, then min/max price. Pure and deterministic: the same tariff,
 * timeline and `now` always give the same cents. One function serves the live cost so far
 * (stoppedAt null, `now`), the final cost (stoppedAt set) and previews (buildPreviewTimeline).
 */
export function priceSession(tariff: Tariff, session: SessionTimeline, options: PricingOptions = {}): SessionCost {
  const untilMs = pricedUntil(session, options.now);
  const clock = siteClock(session.timeZone, session.startedAt.getTime(), untilMs);
  const slices = sliceSession(tariff, session, untilMs, clock, options);
  const volumes = tallyVolumes(tariff, session, slices, clock);
  const lines = applyStepSizes(volumes).map((tally) => costLine(tally, tariff.currency));
  const sums: Totals = { net: 0n, vat: 0n, gross: 0n };
  for (const line of lines) {
    sums.net += BigInt(line.net);
    sums.vat += BigInt(line.vat);
    sums.gross += BigInt(line.gross);
  }
  const { totals, adjustment } = applyMinMaxPrice(tariff, sums);
  const seconds = rational(1000n);
  return {
    currency: tariff.currency,
    lines,
    net: toSafeInteger(totals.net),
    vat: toSafeInteger(totals.vat),
    gross: toSafeInteger(totals.gross),
    ...(adjustment ? { minMaxAdjustment: adjustment } : {}),
    usage: {
      energyWh: toNumber(volumes.usage.energyWh),
      chargingSeconds: toNumber(div(volumes.usage.chargingMs, seconds)),
      idleSeconds: toNumber(div(volumes.usage.idleMs, seconds)),
    },
    pricedFrom: session.startedAt.toISOString(),
    pricedUntil: new Date(untilMs).toISOString(),
    isFinal: session.stoppedAt != null,
  };
}
