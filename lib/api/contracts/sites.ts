import { z } from 'zod';
import { defineOperation } from '../operation';
import { assignSiteStationsSchema, createSiteSchema, updateSiteSchema } from '../../sites/schemas';

export const siteSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  addressLine: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable().describe('ISO 3166-1 alpha-2'),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  timeZone: z.string().describe('IANA time zone; tariff restrictions use its wall clock'),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const summarySchema = z.object({ stations: z.number(), online: z.number(), offline: z.number(), charging: z.number(), faulted: z.number() });
const siteStationSchema = z.object({ id: z.string(), vendor: z.string().nullable(), model: z.string().nullable(), online: z.boolean(), lastSeenAt: z.string().nullable() });

export const siteIdParams = z.object({ id: z.uuid({ message: 'must be a site id (UUID)' }) });

export const listSitesOperation = defineOperation({
  method: 'get', path: '/api/v1/sites', tag: 'Sites', role: 'viewer', summary: 'Sites with their station status summary',
  response: z.object({ data: z.array(siteSchema.extend({ summary: summarySchema })) }),
});
export const createSiteOperation = defineOperation({
  method: 'post', path: '/api/v1/sites', tag: 'Sites', role: 'admin', summary: 'Create a site',
  body: createSiteSchema, response: siteSchema, responseStatus: 201, errors: { 409: 'name_taken' },
});
export const getSiteOperation = defineOperation({
  method: 'get', path: '/api/v1/sites/{id}', tag: 'Sites', role: 'viewer', summary: 'One site with its stations',
  params: siteIdParams, response: siteSchema.extend({ summary: summarySchema, stations: z.array(siteStationSchema) }), errors: { 404: 'not_found' },
});
export const updateSiteOperation = defineOperation({
  method: 'patch', path: '/api/v1/sites/{id}', tag: 'Sites', role: 'admin', summary: 'Change a site; null clears an optional field',
  params: siteIdParams, body: updateSiteSchema, response: siteSchema, errors: { 404: 'not_found', 409: 'name_taken' },
});
export const deleteSiteOperation = defineOperation({
  method: 'delete', path: '/api/v1/sites/{id}', tag: 'Sites', role: 'admin', summary: 'Delete a site without stations',
  params: siteIdParams, responseStatus: 204, errors: { 404: 'not_found', 409: 'site_not_empty' },
});
export const assignSiteStationsOperation = defineOperation({
  method: 'put', path: '/api/v1/sites/{id}/stations', tag: 'Sites', role: 'admin',
  summary: 'Set the stations of a site: listed ones move here, unlisted ones of this site become unassigned',
  params: siteIdParams, body: assignSiteStationsSchema, response: z.object({ data: z.array(siteStationSchema) }), errors: { 404: 'not_found' },
});
