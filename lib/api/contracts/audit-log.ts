import { z } from 'zod';
import { defineOperation } from '../operation';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorType: z.enum(['user', 'token', 'system', 'driver']),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  result: z.enum(['success', 'failure']),
  detail: z.string().nullable(),
});

export const auditQuerySchema = z.object({
  action: z.string().max(100).optional().describe('prefix, e.g. `user.`'),
  actor: z.string().max(200).optional().describe('part of the email or token name'),
  targetType: z.string().max(50).optional(),
  from: z.coerce.date({ message: 'must be an ISO 8601 date' }).optional(),
  to: z.coerce.date({ message: 'must be an ISO 8601 date' }).optional(),
  limit: z.coerce.number({ message: 'must be a number' }).int().min(1).max(1000).optional(),
});

export const listAuditLogOperation = defineOperation({
  method: 'get', path: '/api/v1/audit-log', tag: 'Audit log', role: 'admin', summary: 'Changes made by operators, tokens and the system, newest first',
  query: auditQuerySchema, response: z.object({ data: z.array(auditEntrySchema) }),
});
