import { z } from 'zod';
import { defineOperation } from '../operation';
import { createApiTokenSchema } from '../../api-tokens/schemas';
import { roleSchema } from '../../users/schemas';

export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: roleSchema,
  prefix: z.string().describe('first characters of the token, to tell tokens apart'),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});

export const listApiTokensOperation = defineOperation({
  method: 'get', path: '/api/v1/api-tokens', tag: 'API tokens', role: 'admin', summary: 'List API tokens (never their secret)',
  response: z.object({ data: z.array(apiTokenSchema) }),
});
export const createApiTokenOperation = defineOperation({
  method: 'post', path: '/api/v1/api-tokens', tag: 'API tokens', role: 'admin',
  summary: 'Create a token; the response is the only time its secret is shown',
  body: createApiTokenSchema, response: apiTokenSchema.extend({ token: z.string() }), responseStatus: 201,
});
export const revokeApiTokenOperation = defineOperation({
  method: 'delete', path: '/api/v1/api-tokens/{id}', tag: 'API tokens', role: 'admin', summary: 'Revoke a token',
  params: z.object({ id: z.uuid({ message: 'must be a token id (UUID)' }) }), responseStatus: 204, errors: { 404: 'not_found' },
});
