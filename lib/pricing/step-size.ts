import { add, ceil, div, isPositive, mul, rational, sub, sum, type Rational } from './rational';
import type { MeteredDimension, SessionVolumes, VolumeTally } from './tally-volumes';

/*
 * step_size, as we read OCPI 2.2.1.
 *
 * The Tariffs module (§11.4.2 PriceComponent) says a volume is billed in blocks of step_size
 * (PARKING_TIME step 300 s: 8 minutes are billed as 10) and that step_size "SHALL only be taken into
 * account for the last TariffElement". The CDRs module (§10.4.1, note on step_size) spells it out:
 *
 *  1. step_size is taken into account once per session for ENERGY, and once for TIME and
 *     PARKING_TIME combined;
 *  2. it is not applied when switching from one element to another of the same dimension; it uses the
 *     TOTAL amount of the dimension in the session, with the step_size of the last relevant price
 *     component ("4.3 kWh before 17:00 + 1.1 kWh after, step 500 Wh: 5.4 kWh rounds to 5.5 kWh
 *     total; the extra 0.1 kWh is billed after 17:00");
 *  3. when TIME and PARKING_TIME are both used, only the total parking duration is rounded
 *     ("charges 21 minutes, parks 16, step 10 min: 21 + 20 minutes").
 *
 * So: per dimension we take the total billed volume, round it up to a multiple of the step_size of
 * the component that billed last, and add the difference to that component's line. For the time
 * dimensions we round PARKING_TIME if the session billed any, otherwise TIME.
 *
 * Known conflict: two worked examples in the Tariffs module (tariff_14 "switching to different
 * Tariff Element #1": 0.50 €, and its free-of-charge variant) round the charging time although
 * parking follows; they contradict rule 3 (ocpi/ocpi#396, #546). We follow the CDR rules; the tests
 * show both examples computed by them.
 *
 * Consequence worth knowing: a live "cost so far" can drop slightly when the EV stops charging (the
 * charging time is no longer rounded up once parking follows) or when a later element with a
 * smaller step takes over. That is OCPI's rule, not an accident of this code.
 */

const MS_PER_SECOND = rational(1000n);

/** Step as a volume in the engine's units: Wh for ENERGY, ms for the time dimensions. */
const stepVolume = (tally: VolumeTally): Rational =>
  tally.dimension === 'ENERGY' ? rational(tally.component.step_size) : mul(rational(tally.component.step_size), MS_PER_SECOND);

function totalOf(volumes: SessionVolumes, dimension: MeteredDimension): Rational {
  return sum(volumes.tallies.filter((t) => t.dimension === dimension).map((t) => t.volume));
}

/** Rounds the dimension's total up to the last component's step; the surplus goes on that tally. */
function roundUpOnLast(volumes: SessionVolumes, dimension: MeteredDimension): VolumeTally[] {
  const last = volumes.lastUsed[dimension];
  if (!last) return volumes.tallies;
  const total = totalOf(volumes, dimension);
  const step = stepVolume(last);
  const roundedUpBy = sub(mul(rational(ceil(div(total, step))), step), total);
  if (!isPositive(roundedUpBy)) return volumes.tallies;
  return volumes.tallies.map((t) => (t === last ? { ...t, volume: add(t.volume, roundedUpBy), roundedUpBy } : t));
}

/** The tallies with step_size applied (returns new objects; the input is left as it was). */
export function applyStepSizes(volumes: SessionVolumes): VolumeTally[] {
  const withEnergy = { ...volumes, tallies: roundUpOnLast(volumes, 'ENERGY') };
  const timeDimension: MeteredDimension = isPositive(totalOf(volumes, 'PARKING_TIME')) ? 'PARKING_TIME' : 'TIME';
  return roundUpOnLast(withEnergy, timeDimension);
}
