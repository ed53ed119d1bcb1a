import { z } from 'zod';
import { defineOperation } from '../operation';
import { reservationStatuses } from '../../db/schema';
import { idTagValueSchema } from '../../id-tags/schemas';

export const reservationSchema = z.object({
  id: z.number().describe('the OCPP reservationId'),
  stationId: z.string(),
  connectorId: z.number().describe('0: any connector of the station'),
  idTag: z.string(),
  expiryDate: z.string(),
  status: z.enum(reservationStatuses),
  stationAnswer: z.string().nullable().describe('the answer to ReserveNow (Accepted, Occupied, Faulted, Unavailable, Rejected) or why there was none'),
  transactionId: z.number().nullable().describe('the transaction that used it'),
  createdBy: z.string(),
  createdAt: z.string(),
  endedAt: z.string().nullable(),
});

export const reservationIdParams = z.object({ id: z.coerce.number({ error: 'must be a reservation id' }).int({ error: 'must be a reservation id' }).positive({ error: 'must be a reservation id' }) });

export const listReservationsQuery = z.object({
  stationId: z.string().max(48).optional(),
  status: z.enum(reservationStatuses, { error: `must be one of ${reservationStatuses.join(', ')}` }).optional(),
  limit: z.coerce.number({ error: 'must be a number' }).int().min(1).max(1000).optional(),
});

export const createReservationBody = z.strictObject({
  stationId: z.string({ error: 'is required' }).regex(/^[\x21-\x7e]{1,48}$/, { error: 'must be an OCPP identity' }),
  connectorId: z.int({ error: 'must be a whole number' }).min(0, { error: 'must be 0 (any) or a connector number' }).max(1000),
  idTag: idTagValueSchema,
  expiryDate: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date and time, e.g. 2027-01-31T23:59:59Z' }).transform((value) => new Date(value)),
});

export const listReservationsOperation = defineOperation({
  method: 'get', path: '/api/v1/reservations', tag: 'Reservations', role: 'viewer', summary: 'Reservations, newest first',
  query: listReservationsQuery, response: z.object({ data: z.array(reservationSchema) }),
});
export const createReservationOperation = defineOperation({
  method: 'post', path: '/api/v1/reservations', tag: 'Reservations', role: 'operator',
  summary: 'ReserveNow: holds a connector for an id tag until expiryDate. 201 when the station accepted; 409 reservation_refused with its answer otherwise',
  body: createReservationBody, response: reservationSchema, responseStatus: 201,
  errors: { 404: 'not_found (station)', 409: 'connector_reserved, reservation_refused (stationAnswer: Occupied, Faulted, Unavailable, Rejected), station_offline', 504: 'timeout' },
});
export const cancelReservationOperation = defineOperation({
  method: 'delete', path: '/api/v1/reservations/{id}', tag: 'Reservations', role: 'operator',
  summary: 'CancelReservation: ends an active reservation',
  params: reservationIdParams, response: reservationSchema, errors: { 404: 'not_found', 409: 'reservation_not_active, station_offline', 504: 'timeout' },
});
