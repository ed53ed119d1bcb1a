import { minorUnitExponent } from '../pricing/currency';

/**
 * "20", "20.5", "20.50" EUR → 2050 minor units, by string arithmetic (no float). Undefined when the
 * text is not a positive amount with at most the currency's decimals.
 */
export function parseAmount(text: string, currency: string): number | undefined {
  const digits = minorUnitExponent(currency);
  const match = /^(\d{1,9})(?:[.,](\d+))?$/.exec(text.trim());
  if (!match || (match[2]?.length ?? 0) > digits) return undefined;
  const minor = Number(match[1]) * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0') || '0');
  return minor > 0 && Number.isSafeInteger(minor) ? minor : undefined;
}
