import { z } from 'zod';
import { defineOperation } from '../operation';
import { displayStatuses } from '../../db/queries/station-list';
import { registrationStatuses } from '../../db/schema';

export const stationIdParams = z.object({
  stationId: z.string().regex(/^[\x21-\x7e]{1,48}$/, { message: 'must be an OCPP identity: 1-48 printable characters' }),
});

const booleanText = z.enum(['true', 'false'], { message: 'must be true or false' }).transform((value) => value === 'true');

export const listStationsQuery = z.object({
  q: z.string().max(100).optional().describe('search in id, vendor, model, serial numbers'),
  status: z.enum(displayStatuses).optional(),
  registration: z.enum(registrationStatuses).optional(),
  vendor: z.string().max(100).optional(),
  model: z.string().max(100).optional(),
  siteId: z.uuid({ message: 'must be a site id (uuid)' }).optional(),
  online: booleanText.optional(),
  sort: z.enum(['id', 'lastSeenAt', 'vendor', 'model', 'status']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number({ message: 'must be a number' }).int().min(1).max(10_000).optional(),
  offset: z.coerce.number({ message: 'must be a number' }).int().min(0).optional(),
});

const stationRow = z.object({
  id: z.string(),
  vendor: z.string().nullable(),
  model: z.string().nullable(),
  firmwareVersion: z.string().nullable(),
  registrationStatus: z.enum(registrationStatuses),
  online: z.boolean(),
  lastSeenAt: z.string().nullable(),
  connectorCount: z.number(),
  chargingCount: z.number(),
  faultedCount: z.number(),
  status: z.enum(displayStatuses),
});

export const listStationsOperation = defineOperation({
  method: 'get', path: '/api/v1/stations', tag: 'Stations', role: 'viewer',
  summary: 'The station registry with live status (derived from connectors), filtered and sorted',
  query: listStationsQuery,
  response: z.object({
    data: z.array(stationRow),
    total: z.number(),
    vendors: z.array(z.string()),
    models: z.array(z.string()),
    sites: z.array(z.object({ id: z.uuid(), name: z.string() })).describe('every site, for the filter menu'),
  }),
});

export const getStationOperation = defineOperation({
  method: 'get', path: '/api/v1/stations/{stationId}', tag: 'Stations', role: 'viewer',
  summary: 'Boot data, connectors with live status and session, status history, connections, anomalies',
  params: stationIdParams, errors: { 404: 'not_found' },
});

export const getOverviewOperation = defineOperation({
  method: 'get', path: '/api/v1/overview', tag: 'Stations', role: 'viewer',
  summary: 'Fleet counts, power now, energy today and live sessions',
});

export const getFleetPowerOperation = defineOperation({
  method: 'get', path: '/api/v1/overview/power', tag: 'Stations', role: 'viewer',
  summary: 'Fleet power of the last hours per 5-minute bucket (sum over connectors of their average power); buckets without samples are 0',
  query: z.object({
    hours: z.coerce.number({ message: 'must be a number' }).min(1, { message: 'must be at least 1' }).max(48, { message: 'must be at most 48' }).optional().describe('window, default 6'),
  }),
  response: z.object({ bucketMinutes: z.number().int(), points: z.array(z.object({ at: z.number().describe('bucket start, epoch ms'), kw: z.number() })) }),
});

export const listLiveTransactionsOperation = defineOperation({
  method: 'get', path: '/api/v1/transactions/live', tag: 'Sessions', role: 'viewer',
  summary: 'Open transactions with energy so far and latest power',
  query: z.object({ stationId: z.string().max(48).optional(), siteId: z.uuid({ message: 'must be a site id (uuid)' }).optional() }),
});

export const listSessionsQuery = z.object({
  from: z.coerce.date({ message: 'must be an ISO 8601 date' }).optional(),
  to: z.coerce.date({ message: 'must be an ISO 8601 date' }).optional(),
  stationId: z.string().max(48).optional(),
  idTag: z.string().max(20).optional(),
  driver: z.string().min(1).max(200).optional().describe("part of the name or email of the id tag's driver"),
  siteId: z.uuid({ message: 'must be a site id (uuid)' }).optional(),
  state: z.enum(['active', 'completed']).optional(),
  needsReview: booleanText.optional().describe('true: only sessions flagged for review (closed by the stuck-session reconciliation)'),
  limit: z.coerce.number({ message: 'must be a number' }).int().min(1).max(1000).optional(),
  beforeId: z.coerce.number({ message: 'must be a number' }).int().min(1).optional().describe('keyset pagination: sessions with a smaller id'),
});

export const listSessionsOperation = defineOperation({
  method: 'get', path: '/api/v1/transactions', tag: 'Sessions', role: 'viewer',
  summary: 'Sessions (transactions), newest first, filtered by start date, station, id tag, driver, site, state and review flag',
  query: listSessionsQuery,
});
