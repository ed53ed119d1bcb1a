import { toMinorUnits, toSafeInteger } from './cost-lines';
import { fromDecimal, rational, roundHalfUp } from './rational';
import type { Price, Tariff } from './tariff-schema';

/** Session totals in minor units. */
export interface Totals {
  net: bigint;
  vat: bigint;
  gross: bigint;
}

/** What min_price or max_price changed: add it to the sums of the lines to get the totals. */
export interface MinMaxAdjustment {
  reason: 'MIN_PRICE' | 'MAX_PRICE';
  net: number;
  vat: number;
  gross: number;
}

const larger = (a: bigint, b: bigint) => (a > b ? a : b);
const smaller = (a: bigint, b: bigint) => (a < b ? a : b);

/**
 * OCPI §11.3.1 (notes on min_price and max_price): the bound excl. VAT applies to the total excl. VAT
 * and the bound incl. VAT to the total incl. VAT, both. incl_vat is optional in OCPI's Price; without
 * it the gross moves with the net in the session's own gross/net proportion (rounded half-up), and a
 * session that cost nothing has no proportion, so a min_price without incl_vat then carries no VAT.
 * The gross never ends below the net.
 */
function bound(totals: Totals, price: Price, currency: string, pick: typeof larger): Totals {
  const net = pick(totals.net, toMinorUnits(fromDecimal(price.excl_vat), currency));
  const gross =
    price.incl_vat !== undefined
      ? pick(totals.gross, toMinorUnits(fromDecimal(price.incl_vat), currency))
      : totals.net > 0n
        ? roundHalfUp(rational(totals.gross * net, totals.net))
        : net;
  const atLeastNet = larger(gross, net);
  return { net, vat: atLeastNet - net, gross: atLeastNet };
}

const same = (a: Totals, b: Totals) => a.net === b.net && a.gross === b.gross;

/** The totals after min_price, then max_price (a cap has the last word), and what changed. */
export function applyMinMaxPrice(tariff: Tariff, totals: Totals): { totals: Totals; adjustment?: MinMaxAdjustment } {
  let result = totals;
  let reason: MinMaxAdjustment['reason'] | undefined;
  if (tariff.min_price) {
    const raised = bound(result, tariff.min_price, tariff.currency, larger);
    if (!same(raised, result)) [result, reason] = [raised, 'MIN_PRICE'];
  }
  if (tariff.max_price) {
    const capped = bound(result, tariff.max_price, tariff.currency, smaller);
    if (!same(capped, result)) [result, reason] = [capped, 'MAX_PRICE'];
  }
  if (!reason) return { totals };
  const delta = (key: keyof Totals) => toSafeInteger(result[key] - totals[key]);
  return { totals: result, adjustment: { reason, net: delta('net'), vat: delta('vat'), gross: delta('gross') } };
}
