/**
 * Exact rational numbers on BigInt. The engine prices with these so that no float is ever summed:
 * a price of 0.25 €/kWh is 25/100, 1 234 Wh spread over part of a meter interval is a fraction of Wh,
 * and the only rounding is the one documented in `cost-lines.ts`.
 */
export interface Rational {
  /** Numerator; the sign lives here. */
  readonly n: bigint;
  /** Denominator, always > 0; the fraction is kept reduced. */
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(n: bigint | number, d: bigint | number = 1n): Rational {
  let num = BigInt(n);
  let den = BigInt(d);
  if (den === 1n) return { n: num, d: den }; // whole numbers, the common case: no gcd
  if (den === 0n) throw new RangeError('Division by zero');
  if (den < 0n) [num, den] = [-num, -den];
  const divisor = gcd(num, den);
  return divisor > 1n ? { n: num / divisor, d: den / divisor } : { n: num, d: den };
}

export const ZERO = rational(0n);

export const add = (a: Rational, b: Rational): Rational =>
  a.d === b.d ? rational(a.n + b.n, a.d) : rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational =>
  a.d === b.d ? rational(a.n - b.n, a.d) : rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rational(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => rational(a.n * b.d, a.d * b.n);

/** -1, 0 or 1 as a < b, a = b, a > b. */
export function compare(a: Rational, b: Rational): number {
  const left = a.d === b.d ? a.n : a.n * b.d;
  const right = a.d === b.d ? b.n : b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

export const isZero = (a: Rational): boolean => a.n === 0n;
export const isPositive = (a: Rational): boolean => a.n > 0n;
export const minOf = (a: Rational, b: Rational): Rational => (compare(a, b) <= 0 ? a : b);
export const maxOf = (a: Rational, b: Rational): Rational => (compare(a, b) >= 0 ? a : b);
export const sum = (values: Iterable<Rational>): Rational => {
  let total = ZERO;
  for (const value of values) total = add(total, value);
  return total;
};

export function floor(a: Rational): bigint {
  const q = a.n / a.d; // BigInt division truncates toward zero
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

export const ceil = (a: Rational): bigint => -floor(rational(-a.n, a.d));

/** Nearest integer, halves away from zero (0.5 → 1, -0.5 → -1). */
export function roundHalfUp(a: Rational): bigint {
  const magnitude = floor(add(rational(a.n < 0n ? -a.n : a.n, a.d), rational(1n, 2n)));
  return a.n < 0n ? -magnitude : magnitude;
}

/**
 * The exact decimal a JS number denotes as written (its shortest round-trip form, so 0.1 is 1/10,
 * not the binary double nearest to it). Tariff prices arrive as JSON numbers; this is where they
 * stop being floats.
 */
export function fromDecimal(value: number): Rational {
  if (Number.isSafeInteger(value)) return rational(BigInt(value));
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(value));
  if (!match) throw new RangeError(`Unreadable number: ${value}`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const shift = Number(exponent) - fraction.length;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  return shift >= 0 ? rational(digits * 10n ** BigInt(shift)) : rational(digits, 10n ** BigInt(-shift));
}

/** Number of digits after the decimal point as written: 0.25 → 2, 20 → 0, 1e-7 → 7. */
export function decimalPlaces(value: number): number {
  const reduced = fromDecimal(value);
  let places = 0;
  for (let d = reduced.d; d > 1n; places += 1) {
    if (d % 10n === 0n) d /= 10n;
    else if (d % 5n === 0n) d /= 5n;
    else if (d % 2n === 0n) d /= 2n;
    else return Infinity;
  }
  return places;
}

/** For display only: the value rounded half-up to `places` decimals, as a JS number. */
export function toNumber(a: Rational, places = 3): number {
  const scale = 10n ** BigInt(places);
  return Number(roundHalfUp(mul(a, rational(scale)))) / Number(scale);
}
