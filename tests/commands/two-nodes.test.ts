import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { boot, connectStation } from '../support/ocpp-client';
import { commandDeps, operator, waitOnline } from '../support/command-deps';
import { eventually } from '../support/eventually';
import { sendCommand } from '@/lib/commands/send-command';
import { getCommandById, insertCommand } from '@/lib/db/queries/commands';

let t: TestDatabase;
let nodes: Record<'node-a' | 'node-b', OcppServerProcess>;
let deps: ReturnType<typeof commandDeps>;
const stations = new Map<string, RPCClient>();
/** Every DataTransfer `data` each station received: a command reaching it twice would show here. */
const received = new Map<string, string[]>();

async function connect(stationId: string, node: OcppServerProcess) {
  const client = await connectStation(node.url, stationId);
  client.handle('DataTransfer', async ({ params }) => {
    received.get(stationId)!.push((params as { data: string }).data);
    return { status: 'Accepted', data: stationId };
  });
  await boot(client);
  stations.set(stationId, client);
}

beforeAll(async () => {
  t = await createTestDatabase();
  const [a, b] = await Promise.all(['node-a', 'node-b'].map((nodeId) => startOcppServer({ databaseUrl: t.url, env: { OCPP_NODE_ID: nodeId } })));
  nodes = { 'node-a': a!, 'node-b': b! };
  deps = commandDeps(t.db);
  for (let i = 1; i <= 6; i++) {
    const stationId = `TWO-${i}`;
    const nodeId = i % 2 ? 'node-a' : 'node-b';
    received.set(stationId, []);
    await connect(stationId, nodes[nodeId]);
    await waitOnline(t.db, stationId, nodeId);
  }
});
afterAll(async () => {
  for (const client of stations.values()) await client.close({ force: true }).catch(() => {});
  await Promise.all(Object.values(nodes ?? {}).map((node) => node.stop()));
  await deps?.close();
  await t?.drop();
});

const dataTransfer = (stationId: string, data: string) =>
  sendCommand(deps, operator, { stationId, action: 'DataTransfer', payload: { vendorId: 'com.example', data }, timeoutMs: 10_000 });

it('sends each command through the node that holds the station, exactly once, with many in flight', async () => {
  const sent = [...received.keys()].flatMap((stationId) => Array.from({ length: 8 }, (_, n) => ({ stationId, data: `${stationId}#${n}` })));
  const commands = await Promise.all(sent.map(({ stationId, data }) => dataTransfer(stationId, data)));
  for (const [i, command] of commands.entries()) {
    const holder = Number(sent[i]!.stationId.split('-')[1]) % 2 ? 'node-a' : 'node-b';
    expect(command).toMatchObject({ state: 'completed', nodeId: holder, response: { status: 'Accepted', data: sent[i]!.stationId } });
  }
  for (const [stationId, data] of received) {
    expect([...data].sort()).toEqual(sent.filter((s) => s.stationId === stationId).map((s) => s.data).sort());
  }
});

it('sends a command at most once, however often and to whichever node it is announced', async () => {
  const queued = await insertCommand(t.db, {
    actorType: 'system', actorId: null, actorLabel: 'test', stationId: 'TWO-1', action: 'DataTransfer',
    payload: { vendorId: 'com.example', data: 'announced-five-times' }, timeoutMs: 10_000, nodeId: 'node-a',
  });
  await Promise.all(Array.from({ length: 5 }, () => deps.channel.notifyQueued({ commandId: queued.id, stationId: 'TWO-1', nodeId: 'node-a' })));
  const done = await eventually(() => getCommandById(t.db, queued.id), (row) => row?.state === 'completed');
  expect(done?.state).toBe('completed');
  // A late duplicate after completion is not sent either.
  await deps.channel.notifyQueued({ commandId: queued.id, stationId: 'TWO-1', nodeId: 'node-b' });
  await dataTransfer('TWO-1', 'after-the-duplicates'); // ordered after anything the duplicate could have caused
  expect(received.get('TWO-1')!.filter((data) => data === 'announced-five-times')).toHaveLength(1);
});

it('follows a station that reconnects to the other node', async () => {
  await stations.get('TWO-2')!.close({ force: true });
  await connect('TWO-2', nodes['node-a']);
  await waitOnline(t.db, 'TWO-2', 'node-a');
  expect(await dataTransfer('TWO-2', 'moved')).toMatchObject({ state: 'completed', nodeId: 'node-a' });
  expect(received.get('TWO-2')).toContain('moved');
});

it('answers offline at once when the node that held the station stops', async () => {
  await nodes['node-b'].stop();
  const command = await dataTransfer('TWO-4', 'node-b is gone');
  expect(command).toMatchObject({ state: 'offline', errorCode: 'station_offline' });
  expect(received.get('TWO-4')).not.toContain('node-b is gone');
});
