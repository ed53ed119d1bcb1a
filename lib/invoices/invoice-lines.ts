import type { CostView } from '../billing/cost-view';
import type { NewInvoiceLine } from '../db/queries/invoices';
import { formatBilledDuration } from '../pricing/describe-cost';
import { vatOf } from '../subscriptions/periods';

const LABELS = { ENERGY: 'Energy', TIME: 'Charging time', PARKING_TIME: 'Idle (parking) time', FLAT: 'Session fee' } as const;

/**
 * The lines of a session invoice, one per priced component, exactly the engine's amounts (minor
 * units, VAT per line from the rounded net: see lib/pricing/cost-lines.ts). Quantities are shown in
 * the tariff's units (kWh, hours, sessions); a min/max price adjustment is a line of its own.
 */
export function sessionInvoiceLines(cost: CostView): NewInvoiceLine[] {
  const lines: NewInvoiceLine[] = cost.lines.map((line) => {
    const [quantity, unit, detail] =
      line.component === 'ENERGY'
        ? [line.volume / 1000, 'kWh', `${line.volume / 1000} kWh`]
        : line.component === 'FLAT'
          ? [1, 'session', 'per session']
          : [line.volume / 3600, 'h', formatBilledDuration(line.volume)];
    return {
      component: line.component,
      description: `${LABELS[line.component]}: ${detail}`,
      quantity: round6(quantity),
      unit,
      unitPrice: line.unitPrice,
      net: line.net,
      vatRate: line.vatRate,
      vat: line.vat,
      gross: line.gross,
    };
  });
  const adjustment = cost.minMaxAdjustment;
  if (adjustment) {
    lines.push({
      component: adjustment.reason,
      description: adjustment.reason === 'MIN_PRICE' ? 'Minimum price of the tariff' : 'Maximum price of the tariff',
      quantity: 1,
      unit: 'session',
      unitPrice: 0,
      net: adjustment.net,
      vatRate: null,
      vat: adjustment.vat,
      gross: adjustment.gross,
    });
  }
  return lines;
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** Totals of lines: the sums, so an invoice always adds up (checked again by the database). */
export function invoiceTotals(lines: Pick<NewInvoiceLine, 'net' | 'vat' | 'gross'>[]) {
  return lines.reduce((sum, line) => ({ net: sum.net + line.net, vat: sum.vat + line.vat, gross: sum.gross + line.gross }), { net: 0, vat: 0, gross: 0 });
}

/** INV-2026-000001: series, year of issue (UTC), sequence padded to six digits. */
export function formatInvoiceNumber(series: string, year: number, sequence: number): string {
  return `${series}-${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * A subscription plan's discount on a session: one negative line per VAT rate, `percent` of that
 * rate's net (half-up), its VAT at the same rate, so VAT stays right per rate. Integer arithmetic.
 */
export function discountLines(lines: NewInvoiceLine[], percent: number, planName: string): NewInvoiceLine[] {
  if (percent <= 0) return [];
  const netByRate = new Map<number | null, number>();
  for (const line of lines) netByRate.set(line.vatRate ?? null, (netByRate.get(line.vatRate ?? null) ?? 0) + line.net);
  return [...netByRate].flatMap(([rate, net]) => {
    const scaled = net * percent;
    const discount = -Math.sign(scaled) * Math.floor((Math.abs(scaled) + 50) / 100);
    if (discount === 0) return [];
    const vat = rate === null ? 0 : vatOf(discount, rate);
    return [{ component: 'DISCOUNT', description: `${planName}: ${percent}% discount`, quantity: 1, unit: 'session', unitPrice: 0, net: discount, vatRate: rate, vat, gross: discount + vat }];
  });
}
