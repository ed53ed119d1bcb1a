import { z } from 'zod';
import { defineOperation } from '../operation';
import { commandActions, commandDescriptions } from '../../commands/command-catalog';
import { commandStates } from '../../db/schema/commands';
import { stationIdParams } from './stations';

export const commandParams = stationIdParams.extend({
  action: z.enum(commandActions, { message: `must be a CSMS-initiated OCPP 1.6 action: ${commandActions.join(', ')}` }),
});

export const sendCommandQuery = z.object({
  timeout: z.coerce.number({ message: 'must be a number of seconds' }).min(0.1).max(300).optional().describe('seconds to wait for the answer (default 30)'),
});

const commandView = z.object({
  id: z.number(),
  stationId: z.string(),
  action: z.string(),
  payload: z.unknown(),
  state: z.enum(commandStates),
  response: z.unknown(),
  error: z.object({ code: z.string(), description: z.string().nullable() }).nullable(),
  actor: z.object({ type: z.string(), label: z.string() }),
  nodeId: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const sendCommandOperation = defineOperation({
  method: 'post',
  path: '/api/v1/stations/{stationId}/commands/{action}',
  tag: 'Commands',
  role: 'operator',
  summary: `Sends a CSMS-initiated OCPP 1.6 call; the body is its request payload, checked against the official schema. Waits for the station's answer. Actions: ${commandActions.map((action) => `${action} — ${commandDescriptions[action]}`).join('; ')}`,
  params: commandParams,
  query: sendCommandQuery,
  // An empty body is {} (ClearCache, GetLocalListVersion); the OCPP schema check names bad fields.
  body: z.record(z.string(), z.unknown(), { message: 'must be a JSON object (the OCPP request payload)' }).default({}),
  response: z.object({ status: z.enum(['completed', 'rejected']), commandId: z.number(), response: z.unknown() }),
  errors: {
    404: 'not_found (station)',
    409: 'station_offline: the station is not connected (answered at once); station_rejected: its registration is rejected',
    502: 'call_error (the station answered CALLERROR: ocppErrorCode, ocppErrorDescription), invalid_response, call_failed',
    504: 'timeout: no answer in time; the command is recorded as timed_out',
  },
});

export const listCommandsOperation = defineOperation({
  method: 'get',
  path: '/api/v1/stations/{stationId}/commands',
  tag: 'Commands',
  role: 'viewer',
  summary: 'Commands sent to the station, newest first, with who sent them, state, response or error',
  params: stationIdParams,
  query: z.object({
    action: z.enum(commandActions).optional(),
    state: z.enum(commandStates).optional(),
    limit: z.coerce.number({ message: 'must be a number' }).int().min(1).max(500).optional(),
    beforeId: z.coerce.number({ message: 'must be a number' }).int().min(1).optional().describe('keyset pagination: commands with a smaller id'),
  }),
  response: z.object({ data: z.array(commandView) }),
});
