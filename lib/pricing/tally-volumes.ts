import { activeComponent, type RestrictionContext } from './match-restrictions';
import { add, floor, isZero, rational, sub, ZERO, type Rational } from './rational';
import type { SessionTimeline } from './session-timeline';
import type { SiteClock } from './site-clock';
import type { Slice } from './slice-session';
import type { PriceComponent, Tariff, TariffDimension } from './tariff-schema';

/** The dimensions with a volume; FLAT has none (it is charged once). */
export type MeteredDimension = 'ENERGY' | 'TIME' | 'PARKING_TIME';

/** What one element's price component of one dimension billed: Wh (ENERGY), ms (TIME, PARKING_TIME) or 1 (FLAT). */
export interface VolumeTally {
  dimension: TariffDimension;
  elementIndex: number;
  component: PriceComponent;
  volume: Rational;
  /** Part of `volume` added by step_size rounding (see step-size.ts). */
  roundedUpBy: Rational;
}

export interface SessionVolumes {
  /** FLAT first, then each dimension's tallies in the order they were first used. */
  tallies: VolumeTally[];
  /** Per dimension, the tally of the last slice that added volume: step_size applies to it. */
  lastUsed: Partial<Record<MeteredDimension, VolumeTally>>;
  usage: { energyWh: Rational; chargingMs: Rational; idleMs: Rational };
}

function contextAt(session: SessionTimeline, clock: SiteClock, slice: Slice | undefined): RestrictionContext {
  const startMs = session.startedAt.getTime();
  const from = slice?.from ?? rational(startMs);
  return {
    clock: clock.at(Number(floor(from))),
    durationMs: sub(from, rational(startMs)),
    energyWh: slice?.energyBeforeWh ?? ZERO,
    powerW: slice?.powerW ?? null,
    currentA: slice?.currentA ?? null,
  };
}

function slicedVolumes(slice: Slice): [MeteredDimension, Rational][] {
  const duration = sub(slice.to, slice.from);
  return [
    ['ENERGY', slice.energyWh],
    ['TIME', slice.state === 'CHARGING' ? duration : ZERO],
    ['PARKING_TIME', slice.state === 'IDLE' && slice.parkingBillable ? duration : ZERO],
  ];
}

/**
 * Walks the slices and adds each one's energy, charging time and billable idle time to the price
 * component active for that dimension at the slice's start (OCPI: first matching element with that
 * dimension). FLAT is charged once per session, from the first instant an element with FLAT matches
 * (normally the start).
 */
export function tallyVolumes(
  tariff: Tariff,
  session: SessionTimeline,
  slices: readonly Slice[],
  clock: SiteClock,
): SessionVolumes {
  const byKey = new Map<string, VolumeTally>();
  const lastUsed: SessionVolumes['lastUsed'] = {};
  let flat: VolumeTally | undefined;
  let [energyWh, chargingMs, idleMs] = [ZERO, ZERO, ZERO];
  for (const slice of slices.length > 0 ? slices : [undefined]) {
    const context = contextAt(session, clock, slice);
    const flatComponent = flat ? null : activeComponent(tariff, 'FLAT', context);
    if (flatComponent) flat = { dimension: 'FLAT', ...flatComponent, volume: rational(1n), roundedUpBy: ZERO };
    if (!slice) continue;
    const duration = sub(slice.to, slice.from);
    energyWh = add(energyWh, slice.energyWh);
    if (slice.state === 'CHARGING') chargingMs = add(chargingMs, duration);
    else idleMs = add(idleMs, duration);
    for (const [dimension, volume] of slicedVolumes(slice)) {
      if (isZero(volume)) continue;
      const active = activeComponent(tariff, dimension, context);
      if (!active) continue;
      const key = `${dimension}:${active.elementIndex}`;
      const tally = byKey.get(key) ?? { dimension, ...active, volume: ZERO, roundedUpBy: ZERO };
      tally.volume = add(tally.volume, volume);
      byKey.set(key, tally);
      lastUsed[dimension] = tally;
    }
  }
  const order: TariffDimension[] = ['ENERGY', 'TIME', 'PARKING_TIME'];
  const metered = [...byKey.values()].sort((a, b) => order.indexOf(a.dimension) - order.indexOf(b.dimension));
  return { tallies: flat ? [flat, ...metered] : metered, lastUsed, usage: { energyWh, chargingMs, idleMs } };
}
