import { z } from 'zod';
import { defineOperation } from '../operation';
import { stationIdParams } from './stations';

const localListStatusSchema = z.object({
  stationId: z.string(),
  state: z.enum(['never_sent', 'in_sync', 'out_of_date', 'version_mismatch']).describe('version_mismatch: the station reported another version than the one it accepted; send a Full list'),
  sentVersion: z.number().describe('listVersion of the last SendLocalList the station accepted (0: none)'),
  sentAt: z.string().nullable(),
  reportedVersion: z.number().nullable().describe('last GetLocalListVersion answer (-1: not supported, 0: no list)'),
  reportedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  entries: z.number().describe('entries the station should hold now (tags valid at its site)'),
  pendingChanges: z.number().describe('entries a Differential update would send'),
});

const commandErrors = {
  404: 'not_found (station)',
  409: 'station_offline, station_rejected',
  502: 'call_error, invalid_response, call_failed',
  504: 'timeout',
};

export const getLocalListOperation = defineOperation({
  method: 'get', path: '/api/v1/stations/{stationId}/local-list', tag: 'Local authorization lists', role: 'viewer',
  summary: 'The station’s local authorization list: versions sent and reported, entries, pending changes, sync state',
  params: stationIdParams, response: localListStatusSchema, errors: { 404: 'not_found' },
});
export const sendLocalListOperation = defineOperation({
  method: 'post', path: '/api/v1/stations/{stationId}/local-list', tag: 'Local authorization lists', role: 'operator',
  summary: 'SendLocalList built from the id tags: Full (whole list) or Differential (changes since the last accepted list); the version is the last accepted + 1',
  params: stationIdParams,
  body: z.object({ updateType: z.enum(['Full', 'Differential'], { error: 'must be Full or Differential' }) }).strict(),
  response: z.object({ status: z.string().describe('the station’s answer: Accepted, Failed, NotSupported, VersionMismatch'), listVersion: z.number(), updateType: z.string(), entries: z.number(), commandId: z.number() }),
  errors: commandErrors,
});
export const checkLocalListVersionOperation = defineOperation({
  method: 'post', path: '/api/v1/stations/{stationId}/local-list/version', tag: 'Local authorization lists', role: 'operator',
  summary: 'GetLocalListVersion: asks the station which list version it holds and records the answer',
  params: stationIdParams, response: z.object({ listVersion: z.number(), commandId: z.number() }), errors: commandErrors,
});
export const syncLocalListsOperation = defineOperation({
  method: 'post', path: '/api/v1/local-lists/sync', tag: 'Local authorization lists', role: 'operator',
  summary: 'Re-sync after tag changes: a Differential update to every online station whose accepted list is out of date, a Full list where the station reports another version',
  response: z.object({ data: z.array(z.object({ stationId: z.string(), updateType: z.enum(['Full', 'Differential']), outcome: z.string(), listVersion: z.number() })) }),
});
