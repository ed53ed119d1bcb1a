/**
 * ISO 4217 minor units. Most currencies have 2 decimals; these are the exceptions (ISO 4217 list one,
 * "Minor unit" column). Intl/CLDR is not used for this: it differs from ISO for some (e.g. IQD).
 */
const MINOR_UNIT_EXCEPTIONS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0,
  UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

/** Digits after the decimal point of the currency's minor unit: EUR 2 (cents), JPY 0, KWD 3. */
export function minorUnitExponent(currency: string): number {
  return MINOR_UNIT_EXCEPTIONS[currency] ?? 2;
}

let knownCurrencies: ReadonlySet<string> | undefined;

/** Whether the runtime's ICU knows the ISO 4217 code (rejects typos like "EUT"). */
export function isKnownCurrency(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

/** `1234` minor units of EUR → "€12.34" (en), "12,34 €" (de). Display only. */
export function formatMinorUnits(amount: number, currency: string, locale = 'en'): string {
  const exponent = minorUnitExponent(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  }).format(amount / 10 ** exponent);
}
