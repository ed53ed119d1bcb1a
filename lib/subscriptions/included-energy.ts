import type { NewInvoiceLine } from '../db/queries/invoices';
import { toMinorUnits } from '../pricing/cost-lines';
import { add, ceil, compare, div, fromDecimal, minOf, mul, rational, sub, toNumber, ZERO, type Rational } from '../pricing/rational';
import { periodAt, vatOf, type Period } from './periods';

/*
 * THE INCLUDED-ENERGY RULE. A plan's `includedWh` is an allowance per subscription period:
 *
 *  1. A session takes from the period in which it stopped (the period of its start when it stopped
 *     after the subscription ended). Sessions take in the order they are invoiced, which is the order
 *     they stop (their invoices are issued at StopTransaction, under the subscription's row lock).
 *  2. Only energy priced per kWh uses the allowance: the ENERGY lines of the session, in line order,
 *     take Wh until the remainder is spent. Time, parking and flat components are charged in full.
 *  3. Each ENERGY line gets an "included energy" line of its own: minus the Wh covered × the line's
 *     unit price, rounded half-up to the minor unit once (the whole line's net when it is fully
 *     covered), VAT at the line's rate (half-up). The waiver never exceeds what the session costs
 *     after the tariff's min/max price, so a session never goes below zero.
 *  4. Billed energy is a whole number of Wh (step_size ≥ 1 Wh), so the Wh taken is an integer.
 */

export interface PricedEnergyLine {
  component: string;
  /** Billed Wh (the engine's volume, step_size included). */
  volume: number;
  /** Currency units per kWh, excl. VAT. */
  unitPrice: number;
  net: number;
  vatRate: number | null;
}

export interface IncludedEnergy {
  /** Negative invoice lines, one per ENERGY line that the allowance covered (partly). */
  lines: NewInvoiceLine[];
  /** Wh taken from the allowance. */
  takenWh: number;
}

const formatWh = (wh: Rational) => toNumber(wh, 3).toLocaleString('en-US');
const KWH = rational(1000n);

/** Pure: the included energy of one session, given what is left of the period's allowance. */
export function applyIncludedEnergy(
  lines: PricedEnergyLine[],
  input: { remainingWh: number; sessionNet: number; currency: string; planName: string },
): IncludedEnergy {
  let left: Rational = rational(BigInt(Math.max(0, Math.trunc(input.remainingWh))));
  let waivable = Math.max(0, input.sessionNet);
  let taken: Rational = ZERO;
  const result: NewInvoiceLine[] = [];
  for (const line of lines) {
    if (line.component !== 'ENERGY' || line.volume <= 0 || compare(left, ZERO) <= 0) continue;
    const volume = fromDecimal(line.volume);
    const covered = minOf(left, volume);
    left = sub(left, covered);
    taken = add(taken, covered);
    const byPrice = Number(toMinorUnits(div(mul(fromDecimal(line.unitPrice), covered), KWH), input.currency));
    const waived = Math.min(compare(covered, volume) === 0 ? line.net : Math.min(byPrice, line.net), waivable);
    waivable -= waived;
    const net = -waived;
    const vat = line.vatRate === null ? 0 : vatOf(net, line.vatRate);
    result.push({
      component: 'INCLUDED_ENERGY',
      description: `Included energy (${input.planName}): ${formatWh(covered)} Wh`,
      quantity: toNumber(div(covered, KWH), 6),
      unit: 'kWh',
      unitPrice: line.unitPrice,
      net: net === 0 ? 0 : net,
      vatRate: line.vatRate,
      vat: vat === 0 ? 0 : vat,
      gross: net + vat === 0 ? 0 : net + vat,
    });
  }
  return { lines: result, takenWh: Number(ceil(taken)) };
}

/**
 * The period whose allowance a session uses: the one in which it stopped, or, when it stopped
 * after the subscription ended, the one in which it started (rule 1).
 */
export function allowancePeriod(subscription: { startsAt: Date; endsAt: Date | null }, session: { startedAt: Date; stoppedAt: Date }): Period {
  const stoppedInside = !subscription.endsAt || session.stoppedAt < subscription.endsAt;
  const at = stoppedInside ? session.stoppedAt : session.startedAt;
  return periodAt(subscription.startsAt, at < subscription.startsAt ? subscription.startsAt : at);
}
