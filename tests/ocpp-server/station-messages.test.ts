import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { connectStation } from '../support/ocpp-client';
import { getStationById } from '@/lib/db/queries/stations';
import { listConnectorStatusHistory, listConnectors } from '@/lib/db/queries/connectors';

let t: TestDatabase;
let server: OcppServerProcess;
let station: RPCClient;
beforeAll(async () => {
  t = await createTestDatabase();
  server = await startOcppServer({ databaseUrl: t.url });
  station = await connectStation(server.url, 'MSG-1');
});
afterAll(async () => {
  await station?.close();
  await server?.stop();
  await t?.drop();
});

it('BootNotification stores the registry the station reports', async () => {
  const answer = await station.call('BootNotification', {
    chargePointVendor: 'Acme',
    chargePointModel: 'Wallbox 22',
    chargePointSerialNumber: 'SN-1',
    chargeBoxSerialNumber: 'CB-1',
    firmwareVersion: '2.3.4',
    iccid: '8944',
    imsi: '2620',
    meterType: 'Eastron',
    meterSerialNumber: 'M-1',
  });
  expect(answer).toMatchObject({ status: 'Accepted', interval: 300, currentTime: expect.any(String) });
  expect(await getStationById(t.db, 'MSG-1')).toMatchObject({
    vendor: 'Acme',
    model: 'Wallbox 22',
    serialNumber: 'SN-1',
    chargeBoxSerialNumber: 'CB-1',
    firmwareVersion: '2.3.4',
    iccid: '8944',
    imsi: '2620',
    meterType: 'Eastron',
    meterSerialNumber: 'M-1',
    heartbeatIntervalS: 300,
    lastBootAt: expect.any(Date),
  });
});

it('the first timestamped StatusNotification after boot records the clock skew', async () => {
  const stationTime = new Date(Date.now() - 60_000); // the station's clock is a minute behind
  await station.call('StatusNotification', { connectorId: 0, errorCode: 'NoError', status: 'Available', timestamp: stationTime.toISOString() });
  const skew = (await getStationById(t.db, 'MSG-1'))?.clockSkewMs ?? 0;
  expect(skew).toBeGreaterThanOrEqual(60_000);
  expect(skew).toBeLessThan(120_000);
});

it('StatusNotification: latest per connector (0 = the station), a history row per change only', async () => {
  const send = (connectorId: number, status: string, extra: object = {}) =>
    station.call('StatusNotification', { connectorId, errorCode: 'NoError', status, timestamp: new Date().toISOString(), ...extra });
  await send(1, 'Available');
  await send(1, 'Available'); // a repeat is not a change
  await send(1, 'Faulted', { errorCode: 'GroundFailure', info: 'RCD tripped', vendorId: 'acme', vendorErrorCode: 'E42' });
  const connectors = await listConnectors(t.db, 'MSG-1');
  expect(connectors.map((c) => [c.connectorId, c.status])).toEqual([
    [0, 'Available'],
    [1, 'Faulted'],
  ]);
  expect(connectors[1]).toMatchObject({ errorCode: 'GroundFailure', info: 'RCD tripped', vendorId: 'acme', vendorErrorCode: 'E42' });
  const history = (await listConnectorStatusHistory(t.db, 'MSG-1')).filter((row) => row.connectorId === 1);
  expect(history.map((row) => row.status)).toEqual(['Available', 'Faulted']);
});

it('Heartbeat answers the current time', async () => {
  const { currentTime } = (await station.call('Heartbeat', {})) as { currentTime: string };
  expect(Math.abs(Date.parse(currentTime) - Date.now())).toBeLessThan(60_000);
});

it('DataTransfer: a registered vendor answers, an unknown vendor gets UnknownVendorId', async () => {
  expect(await station.call('DataTransfer', { vendorId: 'com.unknown', messageId: 'X', data: '1' })).toEqual({ status: 'UnknownVendorId' });
  expect(await station.call('DataTransfer', { vendorId: 'org.csms', messageId: 'Ping' })).toMatchObject({ status: 'Accepted' });
  expect(await station.call('DataTransfer', { vendorId: 'org.csms', messageId: 'Other' })).toEqual({ status: 'UnknownMessageId' });
});

it('Diagnostics and firmware status notifications are kept on the station', async () => {
  await station.call('DiagnosticsStatusNotification', { status: 'Uploading' });
  await station.call('FirmwareStatusNotification', { status: 'Installed' });
  expect(await getStationById(t.db, 'MSG-1')).toMatchObject({
    diagnosticsStatus: 'Uploading',
    diagnosticsStatusAt: expect.any(Date),
    firmwareStatus: 'Installed',
    firmwareStatusAt: expect.any(Date),
  });
});
