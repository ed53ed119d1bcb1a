import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as eventsRoute from '@/app/api/v1/events/route';
import { createApiToken } from '@/lib/api-tokens/create-api-token';
import { systemActor } from '@/lib/auth/roles';
import { createBus, type Bus } from '@/lib/bus/bus';
import { listMessageLog } from '@/lib/db/queries/message-log';
import { waitOnline } from '../../support/command-deps';
import { eventually } from '../../support/eventually';
import { boot, connectStation } from '../../support/ocpp-client';
import { startOcppServer, type OcppServerProcess } from '../../support/ocpp-server';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

// The message inspector updates without polling: the OCPP server publishes message.logged once a
// station's frames are in the log, and the SSE route passes it to streams watching that station.
let t: TestDatabase;
let server: OcppServerProcess;
let station: RPCClient;
let bus: Bus;
let token: string;
const streams: AbortController[] = [];
/** For each message.logged of LOG-1: how many DataTransfer rows of it the log had then. */
let reads: Promise<number>[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url; // the route's process-wide bus listens here
  token = (await createApiToken(t.db, systemActor, { name: 'sse', role: 'viewer' })).token;
  server = await startOcppServer({ databaseUrl: t.url });
  bus = createBus(t.db.$client);
  // Subscribed (LISTEN started) long before the frames of the tests.
  bus.subscribe((event) => {
    if (event.kind !== 'message.logged' || event.stationId !== 'LOG-1') return;
    // Read at once on the event: the frames must be there already.
    reads.push(listMessageLog(t.db, { stationId: 'LOG-1', action: 'DataTransfer' }).then((rows) => rows.length));
  });
  station = await connectStation(server.url, 'LOG-1');
  await boot(station);
  await waitOnline(t.db, 'LOG-1');
});
afterAll(async () => {
  for (const stream of streams) stream.abort();
  await station?.close({ force: true }).catch(() => {});
  await server?.stop();
  await bus?.close();
  const { getDb } = await import('@/lib/db/client');
  await getDb().$client.end();
  await t?.drop();
});

/** Opens /api/v1/events in-process and collects what it streams. */
async function openStream(query: string) {
  const abort = new AbortController();
  streams.push(abort);
  const request = new Request(`http://localhost/api/v1/events${query}`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
  const response = await eventsRoute.GET(request, { params: Promise.resolve({}) });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const received = { text: '' };
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      received.text += decoder.decode(value, { stream: true });
    }
  })();
  return received;
}

it('publishes message.logged for a station once its frames are in the message log', async () => {
  reads = [];
  await station.call('DataTransfer', { vendorId: 'com.example.log', data: 'hello' });
  const counts = await eventually(() => Promise.all(reads), (seen) => seen.some((n) => n > 0), 10_000);
  expect(counts.some((n) => n > 0)).toBe(true);
});

it('streams message.logged only to SSE clients that watch the station', async () => {
  const watching = await openStream('?stationId=LOG-1');
  const everything = await openStream('');
  const other = await openStream('?stationId=LOG-2');
  await eventually(async () => [watching.text, everything.text, other.text], (texts) => texts.every((text) => text.includes(': connected')));
  await station.call('Heartbeat', {});
  await station.call('StatusNotification', { connectorId: 1, status: 'Available', errorCode: 'NoError' });
  // Both streams are fed by the same journal at the same moment: once the watching stream has
  // message.logged and the unfiltered one has the connector event, the unfiltered one has all it gets.
  await eventually(async () => watching.text, (text) => text.includes('event: message.logged'), 10_000);
  await eventually(async () => everything.text, (text) => text.includes('event: connector.status'), 10_000);
  expect(watching.text).toContain('data: {"kind":"message.logged","stationId":"LOG-1"}');
  expect(everything.text).not.toContain('message.logged');
  expect(other.text).not.toContain('LOG-1');
});
