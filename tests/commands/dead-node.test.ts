import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBus, type Bus } from '@/lib/bus/bus';
import type { CsmsEvent } from '@/lib/bus/events';
import { sendCommand } from '@/lib/commands/send-command';
import { getCommandById, insertCommand } from '@/lib/db/queries/commands';
import { listStationConnections } from '@/lib/db/queries/station-connections';
import { getStationById } from '@/lib/db/queries/stations';
import { commandDeps, operator, waitOnline } from '../support/command-deps';
import { eventually } from '../support/eventually';
import { boot, connectStation } from '../support/ocpp-client';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Liveness across nodes: node-b is killed with SIGKILL (no shutdown code runs), node-a notices
// through node-b's heartbeat row and releases what node-b held.
const DEAD_AFTER_S = 3;

let t: TestDatabase;
let nodeA: OcppServerProcess;
let nodeB: OcppServerProcess;
let nodeC: OcppServerProcess | undefined;
let deps: ReturnType<typeof commandDeps>;
let bus: Bus;
const events: CsmsEvent[] = [];
const clients: RPCClient[] = [];
const received: string[] = [];

async function connect(stationId: string, node: OcppServerProcess) {
  const client = await connectStation(node.url, stationId);
  client.handle('DataTransfer', async ({ params }) => {
    received.push(`${stationId}:${(params as { data: string }).data}`);
    return { status: 'Accepted' };
  });
  await boot(client);
  clients.push(client);
}

beforeAll(async () => {
  t = await createTestDatabase();
  const env = { OCPP_NODE_DEAD_AFTER: String(DEAD_AFTER_S) };
  [nodeA, nodeB] = await Promise.all(['node-a', 'node-b'].map((nodeId) => startOcppServer({ databaseUrl: t.url, env: { ...env, OCPP_NODE_ID: nodeId } }))) as [OcppServerProcess, OcppServerProcess];
  deps = { ...commandDeps(t.db), nodeDeadAfterMs: DEAD_AFTER_S * 1000 };
  bus = createBus(t.db.$client);
  bus.subscribe((event) => events.push(event));
  await connect('DEAD-1', nodeA);
  await connect('DEAD-2', nodeB);
  await connect('DEAD-3', nodeB);
  await Promise.all([waitOnline(t.db, 'DEAD-1', 'node-a'), waitOnline(t.db, 'DEAD-2', 'node-b'), waitOnline(t.db, 'DEAD-3', 'node-b')]);
});
afterAll(async () => {
  for (const client of clients) await client.close({ force: true }).catch(() => {});
  if (nodeA?.child.exitCode === null) nodeA.child.kill('SIGCONT');
  await Promise.all([nodeA?.stop(), nodeB?.kill(), nodeC?.stop()]);
  await bus?.close();
  await deps?.close();
  await t?.drop();
});

const dataTransfer = (stationId: string, data: string) =>
  sendCommand(deps, operator, { stationId, action: 'DataTransfer', payload: { vendorId: 'com.example', data }, timeoutMs: 30_000 });

it('releases the stations and commands of a node killed with SIGKILL, and re-routes a station that moved', { timeout: 60_000 }, async () => {
  await nodeB.kill();
  // What the killed node left: a command it was sending, and one queued for a station that moves.
  const sending = await insertCommand(t.db, {
    actorType: 'system', actorId: null, actorLabel: 'test', stationId: 'DEAD-2', action: 'DataTransfer',
    payload: { vendorId: 'com.example', data: 'in flight' }, timeoutMs: 30_000, nodeId: 'node-b', state: 'sending',
  });
  const queued = await insertCommand(t.db, {
    actorType: 'system', actorId: null, actorLabel: 'test', stationId: 'DEAD-3', action: 'DataTransfer',
    payload: { vendorId: 'com.example', data: 'queued for node-b' }, timeoutMs: 30_000, nodeId: 'node-b',
  });
  // Sent while the database still says node-b holds DEAD-2: it ends offline, long before its 30 s timeout.
  const toDeadNode = dataTransfer('DEAD-2', 'to the dead node');

  await connect('DEAD-3', nodeA);
  const offline = await eventually(() => getStationById(t.db, 'DEAD-2'), (row) => row?.online === false, 15_000);
  expect(offline).toMatchObject({ online: false, nodeId: 'node-b' });

  expect(await toDeadNode).toMatchObject({ state: 'offline', errorCode: 'station_offline' });
  expect(await getCommandById(t.db, sending.id)).toMatchObject({ state: 'failed', errorCode: 'NodeStopped', errorDescription: 'OCPP node node-b stopped sending heartbeats' });
  expect(await eventually(() => getCommandById(t.db, queued.id), (row) => row?.state === 'completed', 10_000)).toMatchObject({ state: 'completed', nodeId: 'node-a' });
  expect(received).toContain('DEAD-3:queued for node-b');
  expect(received).not.toContain('DEAD-2:to the dead node');

  const [lastConnection] = await listStationConnections(t.db, ['DEAD-2']);
  expect(lastConnection).toMatchObject({ nodeId: 'node-b', closeReason: 'OCPP node node-b stopped sending heartbeats' });
  expect(lastConnection?.disconnectedAt).toBeInstanceOf(Date);
  await eventually(async () => events, (seen) => seen.some((e) => e.kind === 'station.disconnected' && e.stationId === 'DEAD-2'));
  expect(events).toContainEqual({ kind: 'station.disconnected', stationId: 'DEAD-2' });
  expect(nodeA.output()).toContain('node node-b stopped sending heartbeats');

  // What lives on node-a is untouched, the station that moved included.
  expect(await getStationById(t.db, 'DEAD-1')).toMatchObject({ online: true, nodeId: 'node-a' });
  expect(await getStationById(t.db, 'DEAD-3')).toMatchObject({ online: true, nodeId: 'node-a' });
  expect(await dataTransfer('DEAD-3', 'after the move')).toMatchObject({ state: 'completed', nodeId: 'node-a' });
});

it('answers a command to a station of the dead node as offline at once', async () => {
  const command = await dataTransfer('DEAD-2', 'still dead');
  expect(command).toMatchObject({ state: 'offline', errorCode: 'station_offline' });
  expect(received).not.toContain('DEAD-2:still dead');
});

it('a node that was only stalled (SIGSTOP) takes back the stations whose sockets it still holds', { timeout: 60_000 }, async () => {
  nodeC = await startOcppServer({ databaseUrl: t.url, env: { OCPP_NODE_DEAD_AFTER: String(DEAD_AFTER_S), OCPP_NODE_ID: 'node-c' } });
  nodeA.child.kill('SIGSTOP');
  try {
    // node-c takes the silent node-a for dead.
    const released = await eventually(() => getStationById(t.db, 'DEAD-1'), (row) => row?.online === false, 20_000);
    expect(released).toMatchObject({ online: false, nodeId: 'node-a' });
  } finally {
    nodeA.child.kill('SIGCONT');
  }
  // Its socket never closed: node-a beats again, notices the gap and marks the station online again.
  const back = await eventually(() => getStationById(t.db, 'DEAD-1'), (row) => row?.online === true, 20_000);
  expect(back).toMatchObject({ online: true, nodeId: 'node-a' });
  expect(await dataTransfer('DEAD-1', 'after the stall')).toMatchObject({ state: 'completed', nodeId: 'node-a' });
  expect(received).toContain('DEAD-1:after the stall');
});
