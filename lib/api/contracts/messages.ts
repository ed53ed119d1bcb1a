import { z } from 'zod';
import { defineOperation } from '../operation';
import { stationIdParams } from './stations';

export const listMessagesQuery = z.object({
  action: z.string().max(64).optional().describe('OCPP action, e.g. Reset (responses carry the action of their call)'),
  direction: z.enum(['in', 'out']).optional().describe('in: from the station; out: from the CSMS'),
  errors: z.enum(['true', 'false'], { message: 'must be true or false' }).transform((value) => value === 'true').optional().describe('only CALLERRORs and invalid frames'),
  beforeId: z.coerce.number({ message: 'must be a number' }).int().min(1).optional().describe('keyset pagination: older frames'),
  limit: z.coerce.number({ message: 'must be a number' }).int().min(1).max(1000).optional(),
});

export const listMessagesOperation = defineOperation({
  method: 'get',
  path: '/api/v1/stations/{stationId}/messages',
  tag: 'Commands',
  role: 'viewer',
  summary: 'OCPP-J frames to and from the station (the message log), newest first, with the CALL → answer latency',
  params: stationIdParams,
  query: listMessagesQuery,
});
