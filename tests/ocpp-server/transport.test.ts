import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { boot, connectStation, openRawStation, upgradeStatus } from '../support/ocpp-client';
import { getStationById } from '@/lib/db/queries/stations';
import { listStationConnections } from '@/lib/db/queries/station-connections';
import { eventually } from '../support/eventually';

let t: TestDatabase;
let server: OcppServerProcess;
beforeAll(async () => {
  t = await createTestDatabase();
  server = await startOcppServer({ databaseUrl: t.url, env: { OCPP_MAX_FRAME_BYTES: '4096' } });
});
afterAll(async () => {
  await server?.stop();
  await t?.drop();
});

describe('upgrade', () => {
  it('serves /ocpp/{stationId} with the identity URL-decoded', async () => {
    expect(await upgradeStatus(server.url, 'CP%2DA')).toBe(101);
    expect((await eventually(() => getStationById(t.db, 'CP-A'), Boolean))?.id).toBe('CP-A');
  });

  it('refuses other paths and invalid identities', async () => {
    const base = server.url.replace(/\/ocpp$/, '');
    expect(await upgradeStatus(base, 'elsewhere/CP-1')).toBe(404);
    expect(await upgradeStatus(server.url, 'X'.repeat(49))).toBe(400);
    expect(await upgradeStatus(server.url, 'has%20space')).toBe(400);
    expect(await upgradeStatus(server.url, 'bad%E0%A4%A')).toBe(400);
    expect(await upgradeStatus(server.url, 'a/b')).toBe(400);
    expect(await upgradeStatus(server.url, 'X'.repeat(48))).toBe(101);
  });

  it('requires the ocpp1.6 subprotocol', async () => {
    expect(await upgradeStatus(server.url, 'CP-NOPROTO', { protocols: [] })).toBe(400);
    expect(await upgradeStatus(server.url, 'CP-V201', { protocols: ['ocpp2.0.1'] })).toBe(400);
    const station = await connectStation(server.url, 'CP-MULTI', { protocols: ['ocpp2.0.1', 'ocpp1.6'] });
    expect(station.protocol).toBe('ocpp1.6');
    await station.close();
  });
});

describe('frame size', () => {
  it('closes only the socket that sent a frame over the maximum', async () => {
    const big = await openRawStation(server.url, 'CP-BIG');
    const other = await openRawStation(server.url, 'CP-SMALL');
    const closed = new Promise<number>((resolve) => big.ws.once('close', (code) => resolve(code)));
    big.send(JSON.stringify([2, 'big', 'DataTransfer', { vendorId: 'x', data: 'y'.repeat(5000) }]));
    expect(await closed).toBe(1009);
    expect(await other.call('Heartbeat', {}, 'after')).toEqual([3, 'after', { currentTime: expect.any(String) }]);
    await other.close();
  });
});

describe('same identity twice', () => {
  it('keeps the newest connection, closes the older, and records both', async () => {
    const first = await connectStation(server.url, 'CP-DUP');
    await boot(first);
    const firstClosed = new Promise<{ code: number }>((resolve) => first.once('close', resolve));
    const second = await connectStation(server.url, 'CP-DUP');
    expect((await firstClosed).code).toBe(1000);
    expect((await boot(second)).status).toBe('Accepted');

    const history = await eventually(
      () => listStationConnections(t.db, ['CP-DUP']),
      (rows) => rows.length === 2 && rows.some((row) => row.disconnectedAt !== null),
    );
    expect(history.filter((row) => row.disconnectedAt === null)).toHaveLength(1);
    expect((await getStationById(t.db, 'CP-DUP'))?.online).toBe(true);

    await second.close();
    const after = await eventually(() => getStationById(t.db, 'CP-DUP'), (row) => row?.online === false);
    expect(after?.online).toBe(false);
  });
});
