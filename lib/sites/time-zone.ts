/**
 * The canonical IANA name of a time zone ("europe/berlin" → "Europe/Berlin"), or undefined when the
 * runtime's ICU does not know it. Offsets such as "+01:00" are refused: they have no DST rules, and
 * tariff restrictions follow the site's wall clock through DST.
 */
export function canonicalTimeZone(name: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** The zones the runtime knows, UTC first: suggestions for the site form. */
export function listTimeZones(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
}
