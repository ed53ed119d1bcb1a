import { z } from 'zod';
import { defineOperation } from '../operation';
import { idTagStatuses } from '../../db/schema';
import { createIdTagSchema, idTagValueSchema, updateIdTagSchema } from '../../id-tags/schemas';

export const idTagSchema = z.object({
  id: z.uuid(),
  idTag: z.string().describe('OCPP idToken, matched exactly (case included) as stations send it'),
  status: z.enum(idTagStatuses).describe('what the operator set'),
  effectiveStatus: z.enum(idTagStatuses).describe('what a station is told now: also Blocked by a blocked driver or group, Expired past an expiry (site and concurrency aside)'),
  statusReason: z.string().nullable().describe('why effectiveStatus differs from status, e.g. "parent FLEET is blocked"'),
  expiryDate: z.string().nullable(),
  effectiveExpiryDate: z.string().nullable().describe('the earliest expiry of the tag and its group'),
  parentIdTag: z.string().nullable(),
  driverId: z.uuid().nullable(),
  driverName: z.string().nullable(),
  maxActiveTransactions: z.number().nullable().describe('null: no limit'),
  siteIds: z.array(z.uuid()).nullable().describe('null: all sites'),
  label: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const idTagParams = z.object({ idTag: idTagValueSchema });

export const listIdTagsQuery = z.object({
  search: z.string().max(100).optional().describe('part of the value, label or driver name'),
  status: z.enum(idTagStatuses, { error: 'must be one of Accepted, Blocked, Expired' }).optional(),
  driverId: z.uuid({ error: 'must be a driver id (UUID)' }).optional(),
  limit: z.coerce.number({ error: 'must be a number' }).int().min(1).max(10_000).optional(),
  offset: z.coerce.number({ error: 'must be a number' }).int().min(0).optional(),
});

const tagErrors = { 404: 'not_found' };

export const listIdTagsOperation = defineOperation({
  method: 'get', path: '/api/v1/id-tags', tag: 'Id tags', role: 'viewer', summary: 'Id tags by value, with their driver, sites and effective status',
  query: listIdTagsQuery, response: z.object({ data: z.array(idTagSchema), total: z.number() }),
});
export const createIdTagOperation = defineOperation({
  method: 'post', path: '/api/v1/id-tags', tag: 'Id tags', role: 'operator',
  summary: 'Register an id tag (400 id_tag_taken when the value is registered; expiryDate must lie ahead; the parent must exist and not form a cycle)',
  body: createIdTagSchema, response: idTagSchema, responseStatus: 201,
});
export const getIdTagOperation = defineOperation({
  method: 'get', path: '/api/v1/id-tags/{idTag}', tag: 'Id tags', role: 'viewer', summary: 'One id tag',
  params: idTagParams, response: idTagSchema, errors: tagErrors,
});
export const updateIdTagOperation = defineOperation({
  method: 'patch', path: '/api/v1/id-tags/{idTag}', tag: 'Id tags', role: 'operator', summary: 'Change an id tag; null clears an optional field',
  params: idTagParams, body: updateIdTagSchema, response: idTagSchema, errors: tagErrors,
});
export const deleteIdTagOperation = defineOperation({
  method: 'delete', path: '/api/v1/id-tags/{idTag}', tag: 'Id tags', role: 'operator', summary: 'Delete an id tag (not a group tag that other tags name as parent)',
  params: idTagParams, responseStatus: 204, errors: { ...tagErrors, 409: 'id_tag_has_members' },
});
