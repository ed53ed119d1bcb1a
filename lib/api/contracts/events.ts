import { z } from 'zod';
import { defineOperation } from '../operation';

const stationIdList = z
  .string()
  .max(2000)
  .transform((value) => value.split(',').map((id) => id.trim()).filter(Boolean))
  .describe('comma-separated station ids; only their events are sent');

const siteIdList = z
  .string()
  .max(2000)
  .transform((value) => value.split(',').map((id) => id.trim()).filter(Boolean))
  .pipe(z.array(z.uuid({ message: 'must be site ids (uuid), comma-separated' })))
  .describe('comma-separated site ids; only events of their stations are sent (alongside stationId: both must match)');

export const streamEventsOperation = defineOperation({
  method: 'get',
  path: '/api/v1/events',
  tag: 'Live events',
  role: 'viewer',
  summary:
    'Server-sent events (text/event-stream): station.connected/disconnected/updated, connector.status, transaction.started/updated/stopped, meter.values, idTag.updated, alert.raised/cleared, command.updated, firmware.updated, payment.updated, resync; message.logged (frames of a station written to the message log) only on a stream filtered with stationId. Each event carries ids only; read the resource for its state. Reconnect with Last-Event-ID to get what was missed, or a `resync` event when it cannot be known.',
  query: z.object({ stationId: stationIdList.optional(), siteId: siteIdList.optional() }),
});
