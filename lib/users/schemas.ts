import { z } from 'zod';
import { passwordSchema } from '../auth/password-policy';
import { roles } from '../db/schema';

export const roleSchema = z.enum(roles, { message: 'must be one of admin, operator, viewer' });
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email({ message: 'must be a valid email address' }));
export { passwordSchema };
export const nameSchema = z.string({ message: 'is required' }).trim().min(1, { message: 'is required' }).max(120);

export const createUserSchema = z.object({ email: emailSchema, name: nameSchema, password: passwordSchema, role: roleSchema });
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const setupAdminSchema = createUserSchema.omit({ role: true });
export type SetupAdminInput = z.infer<typeof setupAdminSchema>;

export const updateUserSchema = z
  .object({ name: nameSchema, role: roleSchema, active: z.boolean() })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
