import { z } from 'zod';
import { canonicalTimeZone } from './time-zone';

/** Optional text: trimmed, '' and null mean "none" (stored as null). */
const optionalText = (max: number) =>
  z
    .string({ message: 'must be text' })
    .trim()
    .max(max, { message: `must be at most ${max} characters` })
    .nullish()
    .transform((value) => (value ? value : null));

export const siteNameSchema = z.string({ message: 'is required' }).trim().min(1, { message: 'is required' }).max(120, { message: 'must be at most 120 characters' });

export const timeZoneSchema = z.string({ message: 'is required (an IANA time zone such as Europe/Berlin)' }).transform((value, ctx) => {
  const zone = canonicalTimeZone(value.trim());
  if (zone) return zone;
  ctx.addIssue({ code: 'custom', message: 'must be an IANA time zone such as Europe/Berlin' });
  return z.NEVER;
});

const coordinate = (limit: number) =>
  z
    .number({ message: 'must be a number' })
    .min(-limit, { message: `must be between -${limit} and ${limit}` })
    .max(limit, { message: `must be between -${limit} and ${limit}` })
    .nullish()
    .transform((value) => value ?? null);

const siteShape = {
  name: siteNameSchema,
  addressLine: optionalText(200),
  postalCode: optionalText(20),
  city: optionalText(120),
  country: z
    .string({ message: 'must be text' })
    .trim()
    .toUpperCase()
    .nullish()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || /^[A-Z]{2}$/.test(value), { message: 'must be an ISO 3166-1 alpha-2 code such as DE' }),
  latitude: coordinate(90),
  longitude: coordinate(180),
  timeZone: timeZoneSchema,
};

/** Latitude and longitude come together or not at all (the database checks it too). */
export function coordinatesIssue(site: { latitude?: number | null; longitude?: number | null }): { field: 'latitude' | 'longitude'; message: string } | undefined {
  const hasLatitude = site.latitude != null;
  if (hasLatitude === (site.longitude != null)) return undefined;
  return hasLatitude ? { field: 'longitude', message: 'is required with latitude' } : { field: 'latitude', message: 'is required with longitude' };
}

export const createSiteSchema = z.strictObject(siteShape).superRefine((site, ctx) => {
  const issue = coordinatesIssue(site);
  if (issue) ctx.addIssue({ code: 'custom', message: issue.message, path: [issue.field] });
});
export type CreateSiteInput = z.infer<typeof createSiteSchema>;

/** PATCH: any subset; null clears an optional field. The coordinate pair is checked on the result. */
export const updateSiteSchema = z
  .strictObject(siteShape)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' });
export type UpdateSiteInput = z.infer<typeof updateSiteSchema>;

export const assignSiteStationsSchema = z.strictObject({
  stationIds: z.array(z.string().min(1).max(48), { message: 'must be a list of station ids' }).max(10_000),
});
export type AssignSiteStationsInput = z.infer<typeof assignSiteStationsSchema>;

/**
 * A site form posts strings: empty means none, numbers arrive as text. Converted here, then
 * checked by the same schema as the REST body.
 */
export function siteFormInput(values: Record<string, string>): Record<string, unknown> {
  const number = (text: string | undefined) => (text === undefined || text.trim() === '' ? null : Number(text.replace(',', '.')));
  return {
    name: values.name ?? '',
    addressLine: values.addressLine,
    postalCode: values.postalCode,
    city: values.city,
    country: values.country,
    latitude: number(values.latitude),
    longitude: number(values.longitude),
    timeZone: values.timeZone ?? '',
  };
}
