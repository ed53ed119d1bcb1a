import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { boot, connectStation, openRawStation } from '../support/ocpp-client';
import { eventually } from '../support/eventually';
import { getStationById } from '@/lib/db/queries/stations';
import { listStationConnections } from '@/lib/db/queries/station-connections';
import { listServiceHeartbeats } from '@/lib/db/queries/service-heartbeats';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(() => Promise.all(cleanups.map((cleanup) => cleanup())));
async function setUp(env: Record<string, string> = {}): Promise<{ t: TestDatabase; server: OcppServerProcess }> {
  const t = await createTestDatabase();
  const server = await startOcppServer({ databaseUrl: t.url, env });
  cleanups.push(() => server.stop().then(() => t.drop()));
  return { t, server };
}

describe('liveness and shutdown', () => {
  it('writes its service heartbeat, then on SIGTERM closes sockets, marks stations offline and exits 0', async () => {
    const { t, server } = await setUp();
    const station = await connectStation(server.url, 'LIFE-1');
    await boot(station);
    const beat = await eventually(
      () => listServiceHeartbeats(t.db),
      (rows) => rows.some((row) => row.serviceId === 'ocpp:test-node' && (row.info as { connectedStations?: number }).connectedStations === 1),
      8000,
    );
    expect(beat.find((row) => row.serviceId === 'ocpp:test-node')).toMatchObject({ kind: 'ocpp', info: { connectedStations: 1, port: server.port } });
    expect((await eventually(() => getStationById(t.db, 'LIFE-1'), (row) => row?.online === true))?.online).toBe(true);

    const closed = new Promise<{ code: number }>((resolve) => station.once('close', resolve));
    expect(await server.stop()).toBe(0);
    expect((await closed).code).toBe(1001);
    expect((await getStationById(t.db, 'LIFE-1'))?.online).toBe(false);
    const [history] = await listStationConnections(t.db, ['LIFE-1']);
    expect(history?.disconnectedAt).toBeInstanceOf(Date);
    expect(history?.closeCode).toBe(1001);
  });
});

describe('offline detection', () => {
  it('cuts a station that answers nothing (not even pings) after heartbeat × 2 + grace; pongs keep a quiet one online', async () => {
    const { t, server } = await setUp({ OCPP_HEARTBEAT_INTERVAL: '1', OCPP_OFFLINE_GRACE: '0', OCPP_PING_INTERVAL: '1' });
    const quiet = await openRawStation(server.url, 'QUIET'); // sends nothing, but ws answers pings
    const dead = await openDeadSocket(server.port, 'DEAD'); // completes the handshake, then reads nothing
    await eventually(() => getStationById(t.db, 'DEAD'), (row) => row?.online === true);
    const deadRow = await eventually(() => getStationById(t.db, 'DEAD'), (row) => row?.online === false, 8000);
    expect(deadRow?.online).toBe(false);
    expect(quiet.ws.readyState).toBe(quiet.ws.OPEN);
    expect((await getStationById(t.db, 'QUIET'))?.online).toBe(true);
    await quiet.close();
    dead.destroy();
  });
});

/** A client that completes the WebSocket handshake and then never reads or answers anything. */
async function openDeadSocket(port: number, identity: string): Promise<net.Socket> {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(
    `GET /ocpp/${identity} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n',
  );
  await new Promise<void>((resolve) => socket.once('data', () => resolve()));
  socket.pause();
  socket.on('error', () => {});
  return socket;
}
