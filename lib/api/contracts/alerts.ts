import { z } from 'zod';
import { defineOperation } from '../operation';

export const listAlertsQuery = z.object({
  state: z.enum(['open', 'resolved']).optional(),
  stationId: z.string().max(48).optional(),
  limit: z.coerce.number({ message: 'must be a number' }).int().min(1).max(1000).optional(),
});

const alertIdParams = z.object({ id: z.coerce.number({ message: 'must be an alert id' }).int().min(1, { message: 'must be an alert id' }) });

export const listAlertsOperation = defineOperation({
  method: 'get', path: '/api/v1/alerts', tag: 'Alerts', role: 'viewer',
  summary: 'Alerts (station offline, connector faulted, stuck session, boot rejected), newest first',
  query: listAlertsQuery,
});
export const countAlertsOperation = defineOperation({
  method: 'get', path: '/api/v1/alerts/count', tag: 'Alerts', role: 'viewer', summary: 'Open and unacknowledged alerts',
  response: z.object({ open: z.number(), unacknowledged: z.number() }),
});
export const acknowledgeAlertOperation = defineOperation({
  method: 'post', path: '/api/v1/alerts/{id}/acknowledge', tag: 'Alerts', role: 'operator', summary: 'Acknowledge: someone is on it',
  params: alertIdParams, errors: { 404: 'not_found' },
});
export const resolveAlertOperation = defineOperation({
  method: 'post', path: '/api/v1/alerts/{id}/resolve', tag: 'Alerts', role: 'operator',
  summary: 'Resolve by hand (an alert whose condition persists is raised again at the next evaluation)',
  params: alertIdParams, errors: { 404: 'not_found' },
});
