import { z } from 'zod';
import { defineOperation } from '../operation';

export const compareConfigurationOperation = defineOperation({
  method: 'get',
  path: '/api/v1/configuration/compare',
  tag: 'Commands',
  role: 'viewer',
  summary: 'One configuration key across every station of a model, from the stored GetConfiguration answers: per station value, read-only, when it was read (null: never read)',
  query: z.object({
    model: z.string().trim().min(1, { message: 'is required' }).max(100),
    key: z.string().trim().min(1, { message: 'is required' }).max(50),
    vendor: z.string().trim().max(100).optional(),
  }),
});
