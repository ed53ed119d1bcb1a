import { add, div, mul, rational, toNumber, ZERO } from './rational';
import {
  idlePeriodEdges,
  idleThresholdW,
  meterIntervals,
  pricedUntil,
  stateAt,
  type SessionTimeline,
  type TimelineOptions,
} from './session-timeline';

export interface ChargingPeriod {
  from: Date;
  to: Date;
  state: 'CHARGING' | 'IDLE';
  /** Energy delivered in the period, Wh (3 decimals). */
  energyWh: number;
}

/**
 * The session as alternating charging and idle periods, classified exactly as the engine prices
 * them (reported SuspendedEV/Finishing, or average power below the threshold). For charts and
 * receipts; the parking grace period does not split periods.
 */
export function deriveChargingPeriods(
  session: SessionTimeline,
  options: TimelineOptions & { now?: Date } = {},
): ChargingPeriod[] {
  const untilMs = pricedUntil(session, options.now);
  const edges = idlePeriodEdges(session, session.startedAt.getTime(), untilMs);
  const threshold = idleThresholdW(options);
  const pieces: { from: number; to: number; state: ChargingPeriod['state']; energyWh: ReturnType<typeof rational> }[] = [];
  for (const interval of meterIntervals(session, untilMs)) {
    const inside = edges.filter((t) => t > interval.from && t < interval.to).sort((a, b) => a - b);
    const points = [interval.from, ...new Set(inside), interval.to];
    for (let i = 1; i < points.length; i += 1) {
      const [from, to] = [points[i - 1]!, points[i]!];
      const energyWh = div(mul(interval.energyWh, rational(to - from)), rational(interval.to - interval.from));
      const state = stateAt(session, interval, from, threshold);
      const previous = pieces.at(-1);
      if (previous && previous.state === state) [previous.to, previous.energyWh] = [to, add(previous.energyWh, energyWh)];
      else pieces.push({ from, to, state, energyWh });
    }
  }
  return pieces.map((p) => ({ from: new Date(p.from), to: new Date(p.to), state: p.state, energyWh: toNumber(p.energyWh ?? ZERO) }));
}
