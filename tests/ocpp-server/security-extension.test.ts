import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { connectStation } from '../support/ocpp-client';
import { getStationById } from '@/lib/db/queries/stations';
import { SIMULATOR_CSR } from '@/scripts/simulator/security-commands';
import { listCertificateSigningRequests, listSecurityEvents } from '@/lib/db/queries/security-events';

/** The station-initiated messages of the OCPP 1.6 Security Whitepaper (edition 3), over a real socket. */
let t: TestDatabase;
let server: OcppServerProcess;
let station: RPCClient;
beforeAll(async () => {
  t = await createTestDatabase();
  server = await startOcppServer({ databaseUrl: t.url });
  station = await connectStation(server.url, 'SEC-EXT');
  await station.call('BootNotification', { chargePointVendor: 'Acme', chargePointModel: 'Secure 1' });
});
afterAll(async () => {
  await station?.close();
  await server?.stop();
  await t?.drop();
});

const csr = SIMULATOR_CSR;

it('SecurityEventNotification keeps the event with the station time, critical per the whitepaper list', async () => {
  await station.call('SecurityEventNotification', { type: 'TamperDetectionActivated', timestamp: '2026-11-25T10:00:00.000Z', techInfo: 'lid opened' });
  await station.call('SecurityEventNotification', { type: 'InvalidMessages', timestamp: '2026-11-25T10:05:00.000Z' });
  const events = await listSecurityEvents(t.db, 'SEC-EXT');
  expect(events.map((e) => [e.type, e.critical, e.techInfo, e.occurredAt.toISOString()])).toEqual([
    ['InvalidMessages', false, null, '2026-11-25T10:05:00.000Z'],
    ['TamperDetectionActivated', true, 'lid opened', '2026-11-25T10:00:00.000Z'],
  ]);
});

it('SignCertificate: a PEM CSR is Accepted and kept for the operator; anything else is Rejected', async () => {
  expect(await station.call('SignCertificate', { csr })).toEqual({ status: 'Accepted' });
  expect(await station.call('SignCertificate', { csr: 'hello' })).toEqual({ status: 'Rejected' });
  const notDer = '-----BEGIN CERTIFICATE REQUEST-----\naGVsbG8=\n-----END CERTIFICATE REQUEST-----';
  expect(await station.call('SignCertificate', { csr: notDer })).toEqual({ status: 'Rejected' });
  const requests = await listCertificateSigningRequests(t.db, 'SEC-EXT');
  expect(requests.map((r) => r.csr)).toEqual([csr]);
});

it('LogStatusNotification and SignedFirmwareStatusNotification are kept on the station', async () => {
  await station.call('LogStatusNotification', { status: 'Uploading', requestId: 7 });
  await station.call('SignedFirmwareStatusNotification', { status: 'InvalidSignature', requestId: 8 });
  expect(await getStationById(t.db, 'SEC-EXT')).toMatchObject({ logStatus: 'Uploading', firmwareStatus: 'InvalidSignature', logStatusAt: expect.any(Date) });
});
