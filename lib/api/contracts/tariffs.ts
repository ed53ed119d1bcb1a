import { z } from 'zod';
import { defineOperation } from '../operation';
import { tariffScopes } from '../../db/schema';
import { assignmentBodySchema, createTariffBodySchema, overrideBodySchema, updateTariffBodySchema } from '../../tariffs/schemas';

export const tariffAssignmentSchema = z.object({
  id: z.uuid(),
  tariffId: z.uuid(),
  scope: z.enum(tariffScopes).describe('connector > station > site > default: the most specific open assignment wins'),
  siteId: z.uuid().nullable(),
  siteName: z.string().nullable(),
  stationId: z.string().nullable(),
  connectorId: z.number().int().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});

const tariffResourceSchema = z
  .looseObject({
    id: z.uuid(),
    name: z.string(),
    is_default: z.boolean(),
    version: z.number().int().describe('current version; every price change adds one'),
    version_id: z.uuid(),
    created_at: z.string(),
    last_updated: z.string().describe('OCPI: when the current version was created'),
    currency: z.string(),
    elements: z.array(z.unknown()),
    assignments: z.array(tariffAssignmentSchema).describe('open assignments'),
    versions: z.array(z.object({ id: z.uuid(), version: z.number().int(), createdAt: z.string(), createdBy: z.string() })).optional(),
  })
  .describe('The OCPI 2.2.1 Tariff object of the current version plus our fields');

const tariffIdParams = z.object({ id: z.uuid({ message: 'must be a tariff id (UUID)' }) });

export const listTariffsOperation = defineOperation({
  method: 'get', path: '/api/v1/tariffs', tag: 'Tariffs', role: 'viewer', summary: 'Tariffs (default first) with their current version and open assignments',
  response: z.object({ data: z.array(tariffResourceSchema) }),
});
export const createTariffOperation = defineOperation({
  method: 'post', path: '/api/v1/tariffs', tag: 'Tariffs', role: 'admin',
  summary: 'Create a tariff: the OCPI 2.2.1 Tariff object (prices excl. VAT as decimals) plus `name` and `is_default`; `id` and `last_updated` are assigned',
  body: createTariffBodySchema, response: tariffResourceSchema, responseStatus: 201, errors: { 409: 'name_taken' },
});
export const getTariffOperation = defineOperation({
  method: 'get', path: '/api/v1/tariffs/{id}', tag: 'Tariffs', role: 'viewer', summary: 'One tariff with its version history',
  params: tariffIdParams, response: tariffResourceSchema, errors: { 404: 'not_found' },
});
export const updateTariffOperation = defineOperation({
  method: 'patch', path: '/api/v1/tariffs/{id}', tag: 'Tariffs', role: 'admin',
  summary: 'Change a tariff: top-level OCPI keys replace the current ones (null removes an optional key) and add a version; sessions already started keep theirs',
  params: tariffIdParams, body: updateTariffBodySchema, response: tariffResourceSchema, errors: { 404: 'not_found', 409: 'name_taken' },
});
export const assignTariffOperation = defineOperation({
  method: 'post', path: '/api/v1/tariffs/{id}/assignments', tag: 'Tariffs', role: 'admin',
  summary: 'Apply the tariff to a site (`siteId`), a station (`stationId`) or one connector (`stationId` + `connectorId`); replaces the target\'s previous tariff',
  params: tariffIdParams, body: assignmentBodySchema, response: tariffAssignmentSchema, responseStatus: 201, errors: { 404: 'not_found' },
});
export const removeTariffAssignmentOperation = defineOperation({
  method: 'delete', path: '/api/v1/tariffs/{id}/assignments/{assignmentId}', tag: 'Tariffs', role: 'admin',
  summary: 'End an assignment (kept in the history that prices earlier sessions)',
  params: tariffIdParams.extend({ assignmentId: z.uuid({ message: 'must be an assignment id (UUID)' }) }), responseStatus: 204, errors: { 404: 'not_found' },
});
export const overrideTariffOperation = defineOperation({
  method: 'post', path: '/api/v1/tariffs/{id}/overrides', tag: 'Tariffs', role: 'admin',
  summary: 'Give an id-tag group (`idTag`: the tag and the tags below it) or a driver (`driverId`) this tariff for sessions starting from now; beats subscription plans and every assignment',
  params: tariffIdParams, body: overrideBodySchema,
  response: z.object({ id: z.uuid(), tariffId: z.uuid(), kind: z.enum(['id_tag', 'driver']), idTag: z.string().nullable(), driverId: z.uuid().nullable(), createdAt: z.string(), createdBy: z.string() }),
  responseStatus: 201, errors: { 404: 'not_found' },
});
