/**
 * A PostgreSQL array literal (`{"a","b",NULL}`) for one column of a batched insert that unnests its
 * columns: cheaper for PostgreSQL to read than the same rows as JSON (measured: about 10 % less
 * time per 400-row meter value insert). Strings are always quoted; `null` and `undefined` are NULL.
 */
export function toArrayLiteral(values: readonly (string | number | Date | null | undefined)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    const value = values[i];
    if (value === null || value === undefined) out += 'NULL';
    else if (typeof value === 'number') out += Number.isFinite(value) ? String(value) : `"${String(value)}"`;
    else out += `"${(value instanceof Date ? value.toISOString() : value).replace(/[\\"]/g, '\\$&')}"`;
  }
  return `${out}}`;
}
