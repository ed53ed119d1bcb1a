import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { boot, connectStation } from '../support/ocpp-client';
import { commandDeps, operator, waitOnline } from '../support/command-deps';
import { eventually } from '../support/eventually';
import { sendCommand } from '@/lib/commands/send-command';
import { listStationCommands } from '@/lib/db/queries/commands';

let t: TestDatabase;
let server: OcppServerProcess;
let deps: ReturnType<typeof commandDeps>;
beforeAll(async () => {
  t = await createTestDatabase();
  server = await startOcppServer({ databaseUrl: t.url });
  deps = commandDeps(t.db);
});
afterAll(async () => {
  await server?.stop();
  await deps?.close();
  await t?.drop();
});

/** A station that takes UnlockConnector and never answers: the command stays 'sending' until something ends it. */
async function silentStation(stationId: string) {
  const station = await connectStation(server.url, stationId);
  let calls = 0;
  station.handle('UnlockConnector', () => {
    calls++;
    return new Promise(() => {});
  });
  await boot(station);
  await waitOnline(t.db, stationId);
  return { station, calls: () => calls };
}

const unlock = (stationId: string) => sendCommand(deps, operator, { stationId, action: 'UnlockConnector', payload: { connectorId: 1 }, timeoutMs: 25_000 });
const sendingRows = async (stationId: string) => (await listStationCommands(t.db, { stationId })).filter((row) => row.state === 'sending');

it('kill -9 while a command is sending: the restarted node fails it, wakes the caller and never sends it again', async () => {
  const { station, calls } = await silentStation('RST-KILL');
  const pending = unlock('RST-KILL');
  await eventually(async () => calls(), (n) => n === 1);
  expect(await sendingRows('RST-KILL')).toHaveLength(1);

  await server.kill(); // no shutdown code runs: the row is left in 'sending'
  expect(await sendingRows('RST-KILL')).toHaveLength(1);
  server = await startOcppServer({ databaseUrl: t.url, port: server.port });

  const command = await pending;
  expect(command).toMatchObject({ state: 'failed', errorCode: 'NodeStopped', errorDescription: 'OCPP node restarted' });
  expect(await sendingRows('RST-KILL')).toHaveLength(0);
  expect(calls()).toBe(1);
  await station.close({ force: true }).catch(() => {});
});

it('SIGTERM while a command is sending: the node ends it before it exits', async () => {
  const { station } = await silentStation('RST-TERM');
  const pending = unlock('RST-TERM');
  await eventually(() => sendingRows('RST-TERM'), (rows) => rows.length === 1);

  await server.stop();
  const command = await pending;
  expect(command.state).toBe('failed');
  expect(['ConnectionClosed', 'NodeStopped']).toContain(command.errorCode);
  expect(await sendingRows('RST-TERM')).toHaveLength(0);
  server = await startOcppServer({ databaseUrl: t.url, port: server.port });
  await station.close({ force: true }).catch(() => {});
});
