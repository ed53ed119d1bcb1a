import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as compareRoute from '@/app/api/v1/configuration/compare/route';
import { sendCommand } from '@/lib/commands/send-command';
import { routeClient } from '../lib/sites/route-client';
import { commandDeps, operator, waitOnline } from '../support/command-deps';
import { connectStation } from '../support/ocpp-client';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Comparing one key across the stations of a model reads the stored GetConfiguration answers,
// which got there through the real command path from real station sockets.
let t: TestDatabase;
let server: OcppServerProcess;
let deps: ReturnType<typeof commandDeps>;
let api: Awaited<ReturnType<typeof routeClient>>;
const clients: RPCClient[] = [];
/** What each station answers for HeartbeatInterval (changed between reads). */
const answers = new Map<string, { value?: string; readonly?: boolean; unknown?: boolean }>();

async function station(id: string, model: string) {
  const client = await connectStation(server.url, id);
  client.handle('GetConfiguration', async () => {
    const answer = answers.get(id)!;
    return answer.unknown
      ? { configurationKey: [{ key: 'MeterValueSampleInterval', readonly: false, value: '60' }], unknownKey: ['HeartbeatInterval'] }
      : { configurationKey: [{ key: 'HeartbeatInterval', readonly: answer.readonly ?? false, value: answer.value }] };
  });
  await client.call('BootNotification', { chargePointVendor: 'Cmp', chargePointModel: model });
  clients.push(client);
  await waitOnline(t.db, id);
}

const read = async (id: string) => expect(await sendCommand(deps, operator, { stationId: id, action: 'GetConfiguration', payload: {}, timeoutMs: 10_000 })).toMatchObject({ state: 'completed' });

beforeAll(async () => {
  t = await createTestDatabase();
  api = await routeClient(t);
  server = await startOcppServer({ databaseUrl: t.url });
  deps = commandDeps(t.db);
  for (const [id, model] of [['CMP-A', 'CMP-1'], ['CMP-B', 'CMP-1'], ['CMP-C', 'CMP-1'], ['CMP-D', 'CMP-1'], ['OTHER', 'X-9']] as const) await station(id, model);
});
afterAll(async () => {
  for (const client of clients) await client.close({ force: true }).catch(() => {});
  await server?.stop();
  await deps?.close();
  await api?.close();
  await t?.drop();
});

it('shows per station of the model the value, read-only flag and time of the newest stored answer', async () => {
  answers.set('CMP-A', { value: '300' });
  await read('CMP-A');
  answers.set('CMP-A', { value: '60' }); // read again: the newer answer wins
  await read('CMP-A');
  answers.set('CMP-B', { value: '120', readonly: true });
  await read('CMP-B');
  answers.set('CMP-C', { unknown: true });
  await read('CMP-C');
  answers.set('OTHER', { value: '999' });
  await read('OTHER');

  const response = await api.call(compareRoute.GET, { role: 'viewer', path: '/api/v1/configuration/compare?model=CMP-1&key=HeartbeatInterval' });
  expect(response.status).toBe(200);
  const rows = response.body.data as { stationId: string; value: string | null; readonly: boolean | null; readAt: string | null; unknown: boolean }[];
  expect(rows.map(({ readAt, ...rest }) => ({ ...rest, read: readAt !== null }))).toEqual([
    { stationId: 'CMP-A', vendor: 'Cmp', value: '60', readonly: false, unknown: false, read: true },
    { stationId: 'CMP-B', vendor: 'Cmp', value: '120', readonly: true, unknown: false, read: true },
    { stationId: 'CMP-C', vendor: 'Cmp', value: null, readonly: null, unknown: true, read: true },
    { stationId: 'CMP-D', vendor: 'Cmp', value: null, readonly: null, unknown: false, read: false },
  ]);
});

it('names the missing query field', async () => {
  const response = await api.call(compareRoute.GET, { role: 'viewer', path: '/api/v1/configuration/compare?model=CMP-1' });
  expect(response).toMatchObject({ status: 400, body: { error: { field: 'key' } } });
});
