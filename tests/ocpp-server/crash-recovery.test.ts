import { once } from 'node:events';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { boot, connectStation } from '../support/ocpp-client';
import { getStationById } from '@/lib/db/queries/stations';
import { getTransactionById } from '@/lib/db/queries/transactions';
import { listMeterValuesForTransaction } from '@/lib/db/queries/meter-values';
import { listStationConnections } from '@/lib/db/queries/station-connections';
import { eventually } from '../support/eventually';

let t: TestDatabase;
let server: OcppServerProcess;
beforeAll(async () => {
  t = await createTestDatabase();
  server = await startOcppServer({ databaseUrl: t.url });
});
afterAll(async () => {
  await server?.stop();
  await t?.drop();
});

const sample = (minute: number, wh: number) => ({
  timestamp: new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString(),
  sampledValue: [{ value: String(wh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' }],
});

it('kill -9 mid-transaction: what was acknowledged survives, and the reconnecting station carries on', async () => {
  const station = await connectStation(server.url, 'CRASH-1', { reconnect: true });
  await boot(station);
  const { transactionId } = (await station.call('StartTransaction', {
    connectorId: 1,
    idTag: 'ANY',
    meterStart: 0,
    timestamp: sample(0, 0).timestamp,
  })) as { transactionId: number };
  for (let minute = 1; minute <= 3; minute++) {
    await station.call('MeterValues', { connectorId: 1, transactionId, meterValue: [sample(minute, minute * 1000)] });
  }

  await server.kill(); // SIGKILL: no shutdown code runs
  expect(await getTransactionById(t.db, transactionId)).toMatchObject({ stoppedAt: null });
  expect(await listMeterValuesForTransaction(t.db, transactionId)).toHaveLength(3);
  expect((await getStationById(t.db, 'CRASH-1'))?.online).toBe(true); // nobody could say otherwise yet

  const reopened = once(station, 'open');
  server = await startOcppServer({ databaseUrl: t.url, port: server.port });
  await reopened;
  await station.call('MeterValues', { connectorId: 1, transactionId, meterValue: [sample(4, 4000)] });
  const stop = await station.call('StopTransaction', { transactionId, meterStop: 4500, timestamp: sample(5, 0).timestamp });
  expect(stop).toEqual({});

  expect(await getTransactionById(t.db, transactionId)).toMatchObject({ meterStart: 0, meterStop: 4500, stoppedAt: new Date(sample(5, 0).timestamp) });
  expect((await listMeterValuesForTransaction(t.db, transactionId)).map((row) => row.value)).toEqual([1000, 2000, 3000, 4000]);
  // The restarted node closed the history row the killed one left open, and the station is online again.
  const history = await listStationConnections(t.db, ['CRASH-1']);
  expect(history).toHaveLength(2);
  expect(history.find((row) => row.disconnectedAt !== null)?.closeReason).toBe('OCPP node restarted');
  expect((await eventually(() => getStationById(t.db, 'CRASH-1'), (row) => row?.online === true))?.online).toBe(true);
  await station.close();
});
