import { z } from 'zod';
import { roleSchema } from '../users/schemas';

export const createApiTokenSchema = z.object({
  name: z.string({ message: 'is required' }).trim().min(1, { message: 'is required' }).max(80, { message: 'must be at most 80 characters' }),
  role: roleSchema,
  expiresAt: z.coerce
    .date({ message: 'must be an ISO 8601 date' })
    .refine((date) => date.getTime() > Date.now(), { message: 'must be in the future' })
    .optional(),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;
