import { z } from 'zod';
import { idTagStatuses } from '../db/schema';

/** A field no schema declares is a 400 that names it (zod's own unknown-key issue has no path). */
export const noOtherFields = z.custom<unknown>(() => false, { error: 'is not a field of this request' });

/** Optional text: trimmed, '' and null mean "none" (stored as null). */
export const optionalText = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .nullish()
    .transform((value) => (value ? value : null))
    .optional();

/**
 * An OCPP idToken (1.6 §7.15 IdToken: at most 20 characters). Kept exactly as typed apart from
 * surrounding spaces. Characters: what RFID UIDs (hex) and eMA ids (DE*ABC*C12345*6) use, and
 * nothing that would need escaping in /api/v1/id-tags/{idTag} or a CSV cell.
 */
export const idTagValueSchema = z
  .string({ error: 'is required' })
  .trim()
  .min(1, { error: 'is required' })
  .max(20, { error: 'must be at most 20 characters (OCPP idToken)' })
  .regex(/^[A-Za-z0-9._:*+=@~-]+$/, { error: 'may contain only letters, digits and - _ . : * + = @ ~' });

export const idTagStatusSchema = z.enum(idTagStatuses, { error: 'must be one of Accepted, Blocked, Expired' });

const expiryDateSchema = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date and time, e.g. 2027-01-31T23:59:59Z' })
  .transform((value) => new Date(value))
  .nullish();

const idTagShape = {
  idTag: idTagValueSchema,
  status: idTagStatusSchema,
  /** Null or absent: never expires. Must lie in the future (checked against the injected clock). */
  expiryDate: expiryDateSchema,
  parentIdTag: idTagValueSchema.nullish(),
  driverId: z.uuid({ error: 'must be a driver id (UUID)' }).nullish(),
  /** Null: no limit. Absent on create: 1. */
  maxActiveTransactions: z.int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1 (or null for no limit)' }).max(1000).nullish(),
  /** Null or absent: all sites. */
  siteIds: z
    .array(z.uuid({ error: 'must be a site id (UUID)' }), { error: 'must be a list of site ids, or null for all sites' })
    .min(1, { error: 'must name at least one site, or be null for all sites' })
    .max(1000)
    .nullish(),
  label: optionalText(120),
};

const idTagObject = z.object(idTagShape);
export const createIdTagSchema = idTagObject.catchall(noOtherFields);
// Types come from the object without the catch-all, whose index signature would swallow the fields.
export type CreateIdTagInput = z.infer<typeof idTagObject>;

/** PATCH: any subset but the value itself (the tag's identity); null clears an optional field. */
const idTagPatchObject = idTagObject.omit({ idTag: true }).partial();
export const updateIdTagSchema = idTagPatchObject.catchall(noOtherFields).refine((patch) => Object.keys(patch).length > 0, { error: 'nothing to change' });
export type UpdateIdTagInput = z.infer<typeof idTagPatchObject>;

/** Bulk block: every listed tag becomes Blocked. Bulk unblock: the listed Blocked ones become Accepted (Expired stay Expired). */
export const bulkBlockSchema = z.object({
  idTags: z.array(idTagValueSchema, { error: 'must be a list of id tags' }).min(1, { error: 'must name at least one tag' }).max(10_000),
  action: z.enum(['block', 'unblock'], { error: 'must be block or unblock' }),
});
export type BulkBlockInput = z.infer<typeof bulkBlockSchema>;
