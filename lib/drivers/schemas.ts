import { z } from 'zod';
import { driverStatuses } from '../db/schema';
import { noOtherFields, optionalText } from '../id-tags/schemas';

export const driverStatusSchema = z.enum(driverStatuses, { error: 'must be active or blocked' });

const driverShape = {
  name: z.string({ error: 'is required' }).trim().min(1, { error: 'is required' }).max(120, { error: 'must be at most 120 characters' }),
  email: z
    .string({ error: 'must be text' })
    .trim()
    .toLowerCase()
    .nullish()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || z.email().safeParse(value).success, { error: 'must be a valid email address' })
    .optional(),
  phone: optionalText(40).refine((value) => value == null || /^\+?[0-9 ()./-]{3,40}$/.test(value), {
    error: 'must be a phone number such as +49 30 1234567',
  }),
  status: driverStatusSchema,
  /** The company or fleet: drivers with the same one are grouped. */
  company: optionalText(120),
  notes: optionalText(2000),
};

/** status may be left out on create: active. */
const driverObject = z.object({ ...driverShape, status: driverStatusSchema.default('active') });
export const createDriverSchema = driverObject.catchall(noOtherFields);
// Types come from the objects without the catch-all, whose index signature would swallow the fields.
export type CreateDriverInput = z.infer<typeof driverObject>;

const driverPatchObject = z.object(driverShape).partial();
export const updateDriverSchema = driverPatchObject.catchall(noOtherFields).refine((patch) => Object.keys(patch).length > 0, { error: 'nothing to change' });
export type UpdateDriverInput = z.infer<typeof driverPatchObject>;
