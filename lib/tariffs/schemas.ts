import { z } from 'zod';
import { tariffSchema, type Tariff } from '../pricing';

/*
 * The REST body of a tariff is the OCPI 2.2.1 Tariff object (snake_case, as OCPI) plus our fields
 * `name` and `is_default`. `id` and `last_updated` are accepted for OCPI round trips but assigned by
 * us: `id` is the tariff's id, `last_updated` the time of its current version.
 */

export const tariffNameSchema = z
  .string({ message: 'is required' })
  .trim()
  .min(1, { message: 'is required' })
  .max(120, { message: 'must be at most 120 characters' });

const ourFields = {
  name: tariffNameSchema,
  is_default: z.boolean({ message: 'must be true or false' }).optional().describe('the tariff that applies where no assignment does'),
};

export const createTariffBodySchema = tariffSchema.safeExtend(ourFields);
export type CreateTariffBody = z.infer<typeof createTariffBodySchema>;

/** OCPI keys a PATCH may send; null removes an optional one. */
const ocpiKeys = Object.keys(tariffSchema.shape) as (keyof typeof tariffSchema.shape)[];
const REQUIRED_KEYS = new Set(['currency', 'elements']);

const patchShape = Object.fromEntries(
  ocpiKeys.map((key) => {
    const field = tariffSchema.shape[key] as z.ZodType;
    return [key, REQUIRED_KEYS.has(key) ? field.optional() : field.nullable().optional()];
  }),
) as Record<string, z.ZodType>;

/**
 * PATCH: top-level keys replace those of the current version (`elements` as a whole); null removes an
 * optional key. The result is checked again as a whole (e.g. max_price ≥ min_price) before a new
 * version is written. Only `name` / `is_default`: no new version.
 */
export const updateTariffBodySchema = z
  .strictObject({ ...patchShape, name: tariffNameSchema.optional(), is_default: ourFields.is_default })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' });
export type UpdateTariffBody = { name?: string; is_default?: boolean } & { [K in keyof Tariff]?: Tariff[K] | null };

/** The OCPI part of a body: without our fields and the identity fields we assign ourselves. */
export function ocpiPart(body: Record<string, unknown>): Record<string, unknown> {
  const { name: _name, is_default: _isDefault, id: _id, last_updated: _lastUpdated, ...ocpi } = body;
  void [_name, _isDefault, _id, _lastUpdated];
  return ocpi;
}

export const assignmentBodySchema = z
  .strictObject({
    siteId: z.uuid({ message: 'must be a site id (UUID)' }).optional(),
    stationId: z.string().min(1).max(48, { message: 'must be a station id (at most 48 characters)' }).optional(),
    connectorId: z.number({ message: 'must be a connector number' }).int().min(1, { message: 'must be 1 or more' }).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.connectorId !== undefined && body.stationId === undefined) {
      ctx.addIssue({ code: 'custom', message: 'needs stationId: connectors are numbered per station', path: ['stationId'] });
    } else if (body.siteId !== undefined && body.stationId !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'give either siteId or stationId (with an optional connectorId), not both', path: ['siteId'] });
    } else if (body.siteId === undefined && body.stationId === undefined) {
      ctx.addIssue({ code: 'custom', message: 'is required: give siteId, stationId, or stationId and connectorId', path: ['siteId'] });
    }
  });
export type AssignmentBody = z.infer<typeof assignmentBodySchema>;

export const overrideBodySchema = z
  .strictObject({
    idTag: z.string().min(1).max(20, { message: 'must be an id tag (1–20 characters)' }).optional().describe('the tag and every tag below it (its group)'),
    driverId: z.uuid({ message: 'must be a driver id (UUID)' }).optional(),
  })
  .refine((body) => (body.idTag === undefined) !== (body.driverId === undefined), { message: 'give either idTag or driverId', path: ['idTag'] });
export type OverrideBody = z.infer<typeof overrideBodySchema>;

/** A PATCH that replaces the whole OCPI object: every key the new one lacks is removed. */
export function replacementPatch(tariff: Tariff): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const key of ocpiKeys) if (key !== 'id' && key !== 'last_updated') patch[key] = tariff[key] ?? null;
  return patch;
}

/** Every issue as `path → messages`, for a form that shows errors next to nested fields. */
export function issuesByPath(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    (errors[path] ??= []).push(issue.message);
  }
  return errors;
}
