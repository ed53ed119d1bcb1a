import { minorUnitExponent } from './currency';
import { div, fromDecimal, mul, rational, roundHalfUp, toNumber, type Rational } from './rational';
import type { TariffDimension } from './tariff-schema';
import type { VolumeTally } from './tally-volumes';

/*
 * THE ROUNDING RULE — the only place a session's money is rounded (min/max price aside, see
 * min-max-price.ts). All amounts are integers in the currency's minor unit (cents; yen for JPY).
 *
 *  1. Volumes are exact (rational Wh / ms): energy between two readings is interpolated linearly,
 *     nothing is rounded before pricing except step_size (step-size.ts).
 *  2. A line is one price component of one tariff element. Its net = unit price × billed volume,
 *     computed exactly, then rounded half-up to the minor unit, once.
 *  3. Its VAT = rounded net × VAT rate, rounded half-up to the minor unit, once. No VAT rate on the
 *     component (OCPI: "no VAT is applicable") gives 0 VAT and vatRate null.
 *  4. gross = net + VAT per line; the session's net, VAT and gross are the sums of its lines.
 *
 * Half-up means 0.5 of a minor unit goes up (2.875 € → 2.88 €). The result depends only on the
 * tariff and the timeline: the same input gives the same cents on every machine.
 */

export interface CostLine {
  component: TariffDimension;
  elementIndex: number;
  /**
   * Billed volume including step_size rounding: Wh (ENERGY), seconds (TIME, PARKING_TIME), 1 (FLAT).
   * Shown to 3 decimals; the net is computed from the exact value.
   */
  volume: number;
  /** The part of `volume` added by step_size rounding (same unit). */
  roundedUpBy: number;
  /** As in the tariff, excl. VAT: currency units per kWh, per hour, or per session. */
  unitPrice: number;
  net: number;
  /** Percent, as in the tariff; null when the component has no VAT. */
  vatRate: number | null;
  vat: number;
  gross: number;
}

/** Volume unit → price unit: Wh per kWh, ms per hour, 1 per session. */
const PRICE_UNIT: Record<TariffDimension, Rational> = {
  ENERGY: rational(1000n),
  TIME: rational(3_600_000n),
  PARKING_TIME: rational(3_600_000n),
  FLAT: rational(1n),
};

/** Volume unit → unit shown on the line: Wh stays Wh, ms become seconds. */
const DISPLAY_UNIT: Record<TariffDimension, Rational> = {
  ENERGY: rational(1n),
  TIME: rational(1000n),
  PARKING_TIME: rational(1000n),
  FLAT: rational(1n),
};

export function toSafeInteger(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`Amount out of range: ${value}`);
  }
  return Number(value);
}

/** Exact currency amount (major units) → minor units, rounded half-up. */
export function toMinorUnits(amount: Rational, currency: string): bigint {
  return roundHalfUp(mul(amount, rational(10n ** BigInt(minorUnitExponent(currency)))));
}

export function costLine(tally: VolumeTally, currency: string): CostLine {
  const { component } = tally;
  const net = toMinorUnits(div(mul(fromDecimal(component.price), tally.volume), PRICE_UNIT[tally.dimension]), currency);
  const vat = component.vat === undefined ? 0n : roundHalfUp(div(mul(rational(net), fromDecimal(component.vat)), rational(100n)));
  return {
    component: tally.dimension,
    elementIndex: tally.elementIndex,
    volume: toNumber(div(tally.volume, DISPLAY_UNIT[tally.dimension])),
    roundedUpBy: toNumber(div(tally.roundedUpBy, DISPLAY_UNIT[tally.dimension])),
    unitPrice: component.price,
    net: toSafeInteger(net),
    vatRate: component.vat ?? null,
    vat: toSafeInteger(vat),
    gross: toSafeInteger(net + vat),
  };
}
