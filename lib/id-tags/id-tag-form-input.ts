/**
 * An id tag form posts strings: empty means none, the expiry comes from a datetime-local input read
 * as UTC, "Max. concurrent" empty means no limit, and the ticked sites arrive joined by commas with
 * `sitesMode` = all | some. Converted here, then checked by the same schema as the REST body.
 */
export function idTagFormInput(values: Record<string, string>): Record<string, unknown> {
  const text = (name: string) => (values[name]?.trim() ? values[name]!.trim() : null);
  const expiry = text('expiryDate');
  const max = text('maxActiveTransactions');
  return {
    ...(values.idTag !== undefined ? { idTag: values.idTag } : {}),
    status: values.status ?? '',
    expiryDate: expiry && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(expiry) ? `${expiry}:00Z` : expiry,
    parentIdTag: text('parentIdTag'),
    driverId: text('driverId'),
    maxActiveTransactions: max === null ? null : /^-?\d+$/.test(max) ? Number(max) : max,
    siteIds: values.sitesMode === 'some' ? (values.siteIds ?? '').split(',').filter(Boolean) : null,
    label: text('label'),
  };
}

/** The value a datetime-local input shows for a stored expiry (UTC, minutes). */
export const toDateTimeLocal = (at: string | null) => (at ? at.slice(0, 16) : '');
