import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { connectStation } from '../support/ocpp-client';
import { getStationById } from '@/lib/db/queries/stations';
import { SIMULATOR_CSR } from '@/scripts/simulator/security-commands';
import { listCertificateSigningRequests, listSecurityEvents } from '@/lib/db/queries/security-events';
import { listAlerts } from '@/lib/db/queries/alerts';
import { syncAlerts } from '@/lib/alerts/sync-alerts';
import { handleAlert } from '@/lib/alerts/handle-alert';
import { systemActor } from '@/lib/auth/roles';

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

it('a critical security event raises one open alert per station and type, which only an operator resolves', async () => {
  const securityAlerts = async () => (await listAlerts(t.db, { stationId: 'SEC-EXT' })).filter((alert) => alert.kind === 'security_event');
  // The tamper event of the test above raised it; a repeat while it is open raises nothing new; a non-critical type raises none.
  await station.call('SecurityEventNotification', { type: 'TamperDetectionActivated', timestamp: '2026-11-25T10:10:00.000Z' });
  await station.call('SecurityEventNotification', { type: 'InvalidTLSVersion', timestamp: '2026-11-25T10:11:00.000Z' });
  const [alert, ...others] = await securityAlerts();
  expect(others).toEqual([]);
  expect(alert).toMatchObject({
    key: 'security_event:SEC-EXT:TamperDetectionActivated',
    message: 'SEC-EXT reported a critical security event: TamperDetectionActivated',
    detail: { type: 'TamperDetectionActivated', techInfo: 'lid opened', occurredAt: '2026-11-25T10:00:00.000Z' },
    resolvedAt: null,
  });
  // The rules' evaluation does not clear it: no rule raised it.
  await syncAlerts(t.db, new Date());
  expect((await securityAlerts()).map((a) => a.resolvedAt)).toEqual([null]);
  await handleAlert(t.db, systemActor, alert!.id, 'resolve');
  await station.call('SecurityEventNotification', { type: 'TamperDetectionActivated', timestamp: '2026-11-25T11:00:00.000Z' });
  const after = await securityAlerts();
  expect(after).toHaveLength(2);
  expect(after.filter((a) => a.resolvedAt === null)).toHaveLength(1);
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
