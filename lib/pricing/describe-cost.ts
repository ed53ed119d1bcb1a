import type { CostLine } from './cost-lines';
import { formatMinorUnits, minorUnitExponent } from './currency';
import type { SessionCost } from './price-session';
import type { TariffDimension } from './tariff-schema';

export interface CostRow {
  label: string;
  /** Volume × unit price, and any step_size rounding, e.g. "20.45 kWh × €0.25/kWh". */
  detail: string;
  net: string;
  /** E.g. "VAT 10%: €0.51"; empty when the component has no VAT. */
  vat: string;
  gross: string;
}

/** A human-readable breakdown, for the preview calculator and receipts. */
export interface CostExplanation {
  rows: CostRow[];
  /** One line per row, the min/max price adjustment if any, and the totals. */
  text: string;
}

const LABELS: Record<TariffDimension, string> = {
  ENERGY: 'Energy',
  TIME: 'Charging time',
  PARKING_TIME: 'Parking time',
  FLAT: 'Session fee',
};

/** 9000 → "2 h 30 min", 2520 → "42 min", 75 → "1 min 15 s". */
export function formatBilledDuration(seconds: number): string {
  const whole = Math.round(seconds);
  const [h, m, s] = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
  const parts = [h ? `${h} h` : '', m ? `${m} min` : '', s || whole === 0 ? `${s} s` : ''];
  return parts.filter(Boolean).join(' ');
}

const formatKwh = (wh: number, locale: string) =>
  `${new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(wh / 1000)} kWh`;

function formatUnitPrice(price: number, currency: string, locale: string): string {
  const digits = minorUnitExponent(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: Math.max(digits, 4),
  }).format(price);
}

function describeLine(line: CostLine, currency: string, locale: string): CostRow {
  const money = (amount: number) => formatMinorUnits(amount, currency, locale);
  const price = formatUnitPrice(line.unitPrice, currency, locale);
  const volume = line.component === 'ENERGY' ? formatKwh(line.volume, locale) : formatBilledDuration(line.volume);
  const rounded = line.component === 'ENERGY' ? formatKwh(line.roundedUpBy, locale) : formatBilledDuration(line.roundedUpBy);
  const detail =
    line.component === 'FLAT'
      ? `once per session, ${price}`
      : `${volume} × ${price}/${line.component === 'ENERGY' ? 'kWh' : 'h'}` +
        (line.roundedUpBy > 0 ? ` (incl. ${rounded} rounded up to the step size)` : '');
  return {
    label: LABELS[line.component],
    detail,
    net: money(line.net),
    vat: line.vatRate === null ? '' : `VAT ${line.vatRate}%: ${money(line.vat)}`,
    gross: money(line.gross),
  };
}

export function describeCost(cost: SessionCost, options: { locale?: string } = {}): CostExplanation {
  const locale = options.locale ?? 'en';
  const money = (amount: number) => formatMinorUnits(amount, cost.currency, locale);
  const rows = cost.lines.map((line) => describeLine(line, cost.currency, locale));
  const lines = rows.map((row) => [`${row.label}: ${row.detail}`, row.net, row.vat].filter(Boolean).join(' · '));
  const adjustment = cost.minMaxAdjustment;
  if (adjustment) {
    const label = adjustment.reason === 'MAX_PRICE' ? 'Maximum price applied' : 'Minimum price applied';
    lines.push(`${label}: ${money(adjustment.net)} excl. VAT · ${money(adjustment.gross)} incl. VAT`);
  }
  lines.push(`Total: ${money(cost.net)} excl. VAT · VAT ${money(cost.vat)} · ${money(cost.gross)} incl. VAT`);
  if (!cost.isFinal) lines.push(`Cost so far, up to ${cost.pricedUntil}`);
  return { rows, text: lines.join('\n') };
}
