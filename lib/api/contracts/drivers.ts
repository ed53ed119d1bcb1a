import { z } from 'zod';
import { defineOperation } from '../operation';
import { driverStatuses } from '../../db/schema';
import { createDriverSchema, updateDriverSchema } from '../../drivers/schemas';
import { idTagSchema } from './id-tags';

export const driverSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(driverStatuses).describe('blocked: every tag of the driver answers Blocked'),
  company: z.string().nullable().describe('company or fleet: the grouping of drivers'),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const driverIdParams = z.object({ id: z.uuid({ error: 'must be a driver id (UUID)' }) });

export const listDriversQuery = z.object({
  search: z.string().max(100).optional().describe('part of the name, email, phone or company'),
  company: z.string().max(120).optional(),
  status: z.enum(driverStatuses, { error: 'must be active or blocked' }).optional(),
  limit: z.coerce.number({ error: 'must be a number' }).int().min(1).max(10_000).optional(),
  offset: z.coerce.number({ error: 'must be a number' }).int().min(0).optional(),
});

export const listDriversOperation = defineOperation({
  method: 'get', path: '/api/v1/drivers', tag: 'Drivers', role: 'viewer', summary: 'Drivers by company and name, with their number of tags',
  query: listDriversQuery, response: z.object({ data: z.array(driverSchema.extend({ tagCount: z.number() })), total: z.number() }),
});
export const createDriverOperation = defineOperation({
  method: 'post', path: '/api/v1/drivers', tag: 'Drivers', role: 'operator', summary: 'Create a driver',
  body: createDriverSchema, response: driverSchema, responseStatus: 201, errors: { 409: 'email_taken' },
});
export const getDriverOperation = defineOperation({
  method: 'get', path: '/api/v1/drivers/{id}', tag: 'Drivers', role: 'viewer', summary: 'One driver with their id tags',
  params: driverIdParams,
  response: driverSchema.extend({ idTags: z.array(idTagSchema), emailVerifiedAt: z.string().nullable().describe('when the driver (or an admin) confirmed the email; null: not confirmed') }),
  errors: { 404: 'not_found' },
});
export const updateDriverOperation = defineOperation({
  method: 'patch', path: '/api/v1/drivers/{id}', tag: 'Drivers', role: 'operator', summary: 'Change a driver; null clears an optional field; blocking a driver blocks their tags',
  params: driverIdParams, body: updateDriverSchema, response: driverSchema, errors: { 404: 'not_found', 409: 'email_taken' },
});
export const deleteDriverOperation = defineOperation({
  method: 'delete', path: '/api/v1/drivers/{id}', tag: 'Drivers', role: 'operator', summary: 'Delete a driver who holds no tags and has no prepaid wallet',
  params: driverIdParams, responseStatus: 204, errors: { 404: 'not_found', 409: 'driver_has_id_tags | driver_has_wallet' },
});
export const markEmailVerifiedOperation = defineOperation({
  method: 'post', path: '/api/v1/drivers/{id}/email-verification', tag: 'Drivers', role: 'admin',
  summary: 'Mark the driver’s email verified (an admin vouches for it; audited). A changed email is unverified again until the driver opens the link sent to it, or an admin marks it',
  params: driverIdParams, response: z.object({ emailVerifiedAt: z.string() }), errors: { 404: 'not_found' },
});
