import { z } from 'zod';
import { defineOperation } from '../operation';
import { createUserSchema, roleSchema, updateUserSchema } from '../../users/schemas';

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  active: z.boolean(),
  createdAt: z.string().describe('ISO 8601'),
  updatedAt: z.string(),
  lastLoginAt: z.string().nullable(),
});

const idParams = z.object({ id: z.uuid({ message: 'must be a user id (UUID)' }) });

export const listUsersOperation = defineOperation({
  method: 'get', path: '/api/v1/users', tag: 'Users', role: 'admin', summary: 'List operator accounts',
  response: z.object({ data: z.array(userSchema) }),
});
export const createUserOperation = defineOperation({
  method: 'post', path: '/api/v1/users', tag: 'Users', role: 'admin', summary: 'Create an operator account',
  body: createUserSchema, response: userSchema, responseStatus: 201, errors: { 409: 'email_taken' },
});
export const getUserOperation = defineOperation({
  method: 'get', path: '/api/v1/users/{id}', tag: 'Users', role: 'admin', summary: 'Get one operator account',
  params: idParams, response: userSchema, errors: { 404: 'not_found' },
});
export const updateUserOperation = defineOperation({
  method: 'patch', path: '/api/v1/users/{id}', tag: 'Users', role: 'admin',
  summary: 'Change name, role or active flag (the last active admin cannot be demoted or deactivated)',
  params: idParams, body: updateUserSchema, response: userSchema, errors: { 404: 'not_found', 409: 'last_admin' },
});
