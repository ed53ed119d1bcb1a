/** PostgreSQL 23505 (unique_violation) on `constraint`, also when Drizzle wraps the driver's error. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let current = error; current && typeof current === 'object'; current = (current as { cause?: unknown }).cause) {
    const { code, constraint_name: name } = current as { code?: string; constraint_name?: string };
    if (code === '23505') return name === constraint;
  }
  return false;
}
