import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { commandDeps, operator, waitOnline } from '../support/command-deps';
import { eventually } from '../support/eventually';
import { commandActions, type CommandAction } from '@/lib/commands/command-catalog';
import { sendCommand } from '@/lib/commands/send-command';
import { getStationById } from '@/lib/db/queries/stations';
import { listCertificateSigningRequests } from '@/lib/db/queries/security-events';
import { registerCsmsCommands } from '@/scripts/simulator/csms-commands';
import { VirtualStation } from '@/scripts/simulator/virtual-station';

let t: TestDatabase;
let server: OcppServerProcess;
let deps: ReturnType<typeof commandDeps>;
let station: VirtualStation;

beforeAll(async () => {
  t = await createTestDatabase();
  server = await startOcppServer({ databaseUrl: t.url });
  deps = commandDeps(t.db);
  const stats = { connected: 0, calls: 0, callErrors: 0, sessionsStarted: 0, sessionsCompleted: 0, meterValues: 0 };
  station = new VirtualStation({ url: server.url, identity: 'SIM-ALL', connectors: 2, meterIntervalS: 60, speed: 1, idleS: [3600, 3600], idTags: ['REMOTE'], log: () => {}, stats });
  registerCsmsCommands(station);
  await station.start();
  await waitOnline(t.db, 'SIM-ALL');
});
afterAll(async () => {
  await station?.stop();
  await server?.stop();
  await deps?.close();
  await t?.drop();
});

/** A real certificate in PEM, for the certificate messages (the simulator checks the armour only). */
const selfSignedPem = (() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csms-cert-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=CSMS test root', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
  const pem = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
  fs.rmSync(dir, { recursive: true, force: true });
  return pem;
})();

const soon = () => new Date(Date.now() + 3_600_000).toISOString();
const txProfile = {
  chargingProfileId: 7,
  stackLevel: 0,
  chargingProfilePurpose: 'TxProfile',
  chargingProfileKind: 'Relative',
  chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] },
};

/** One valid request per CSMS-initiated action (OCPP 1.6 §5), in an order the simulator can follow. */
const requests: [CommandAction, () => object][] = [
  ['GetConfiguration', () => ({})],
  ['ChangeConfiguration', () => ({ key: 'HeartbeatInterval', value: '120' })],
  ['ChangeAvailability', () => ({ connectorId: 2, type: 'Inoperative' })],
  ['ClearCache', () => ({})],
  ['TriggerMessage', () => ({ requestedMessage: 'Heartbeat' })],
  ['DataTransfer', () => ({ vendorId: 'com.example', messageId: 'ping', data: 'x' })],
  ['GetDiagnostics', () => ({ location: 'ftp://csms.example/upload' })],
  ['UpdateFirmware', () => ({ location: 'ftp://csms.example/fw.bin', retrieveDate: soon() })],
  ['SendLocalList', () => ({ listVersion: 4, updateType: 'Full', localAuthorizationList: [{ idTag: 'LOCAL-1', idTagInfo: { status: 'Accepted' } }] })],
  ['GetLocalListVersion', () => ({})],
  ['ReserveNow', () => ({ connectorId: 1, expiryDate: soon(), idTag: 'REMOTE', reservationId: 9 })],
  ['CancelReservation', () => ({ reservationId: 9 })],
  ['SetChargingProfile', () => ({ connectorId: 1, csChargingProfiles: { ...txProfile, chargingProfilePurpose: 'TxDefaultProfile' } })],
  ['GetCompositeSchedule', () => ({ connectorId: 1, duration: 3600, chargingRateUnit: 'W' })],
  ['ClearChargingProfile', () => ({ id: 7 })],
  ['RemoteStartTransaction', () => ({ connectorId: 1, idTag: 'REMOTE', chargingProfile: txProfile })],
  // A transaction the station does not run: its refusal is a 'rejected' outcome.
  ['RemoteStopTransaction', () => ({ transactionId: 424_242 })],
  ['UnlockConnector', () => ({ connectorId: 1 })],
  // OCPP 1.6 Security Whitepaper (edition 3, §4)
  ['InstallCertificate', () => ({ certificateType: 'CentralSystemRootCertificate', certificate: selfSignedPem })],
  ['GetInstalledCertificateIds', () => ({ certificateType: 'CentralSystemRootCertificate' })],
  ['DeleteCertificate', () => ({ certificateHashData: { hashAlgorithm: 'SHA256', issuerNameHash: 'a', issuerKeyHash: 'b', serialNumber: '1' } })],
  ['CertificateSigned', () => ({ certificateChain: selfSignedPem })],
  ['ExtendedTriggerMessage', () => ({ requestedMessage: 'SignChargePointCertificate' })],
  ['GetLog', () => ({ logType: 'SecurityLog', requestId: 3, log: { remoteLocation: 'ftp://csms.example/logs' } })],
  ['SignedUpdateFirmware', () => ({ requestId: 4, firmware: { location: 'https://csms.example/fw.bin', retrieveDateTime: soon(), signingCertificate: selfSignedPem, signature: 'c2ln' } })],
  ['Reset', () => ({ type: 'Soft' })],
];

it('sends every CSMS-initiated OCPP 1.6 action to a simulated station and stores its schema-valid answer', async () => {
  expect(requests.map(([action]) => action).sort()).toEqual([...commandActions].sort());
  const outcomes: Record<string, { state: string; response: unknown }> = {};
  for (const [action, payload] of requests) {
    const command = await sendCommand(deps, operator, { stationId: 'SIM-ALL', action, payload: payload(), timeoutMs: 10_000 });
    outcomes[action] = { state: command.state, response: command.response };
  }
  expect(Object.values(outcomes).every(({ state }) => state === 'completed' || state === 'rejected')).toBe(true);
  expect(outcomes).toMatchObject({
    GetConfiguration: { state: 'completed', response: { configurationKey: expect.arrayContaining([{ key: 'NumberOfConnectors', readonly: true, value: '2' }]) } },
    ChangeConfiguration: { state: 'completed', response: { status: 'Accepted' } },
    ChangeAvailability: { state: 'completed' },
    DataTransfer: { state: 'rejected', response: { status: 'UnknownVendorId' } },
    GetDiagnostics: { state: 'completed', response: { fileName: 'diagnostics-SIM-ALL.log' } },
    GetLocalListVersion: { state: 'completed', response: { listVersion: 4 } },
    ReserveNow: { state: 'completed', response: { status: 'Accepted' } },
    CancelReservation: { state: 'completed', response: { status: 'Accepted' } },
    RemoteStartTransaction: { state: 'completed', response: { status: 'Accepted' } },
    RemoteStopTransaction: { state: 'rejected', response: { status: 'Rejected' } },
    UnlockConnector: { state: 'completed', response: { status: 'Unlocked' } },
    Reset: { state: 'completed', response: { status: 'Accepted' } },
    InstallCertificate: { state: 'completed', response: { status: 'Accepted' } },
    GetInstalledCertificateIds: { state: 'completed', response: { status: 'Accepted', certificateHashData: [expect.objectContaining({ serialNumber: '1' })] } },
    DeleteCertificate: { state: 'completed', response: { status: 'Accepted' } },
    CertificateSigned: { state: 'completed', response: { status: 'Accepted' } },
    ExtendedTriggerMessage: { state: 'completed', response: { status: 'Accepted' } },
    GetLog: { state: 'completed', response: { status: 'Accepted', filename: 'securitylog-SIM-ALL.log' } },
    SignedUpdateFirmware: { state: 'completed', response: { status: 'Accepted' } },
  });
  // The station acted on them: its firmware and diagnostics notifications reached the CSMS.
  const row = await eventually(
    () => getStationById(t.db, 'SIM-ALL'),
    (s) => s?.firmwareStatus === 'Installed' && s.diagnosticsStatus === 'Uploaded' && s.logStatus === 'Uploaded',
  );
  expect(row).toMatchObject({ firmwareStatus: 'Installed', diagnosticsStatus: 'Uploaded', logStatus: 'Uploaded' });
  // ExtendedTriggerMessage(SignChargePointCertificate) made it send its CSR.
  const csrs = await eventually(() => listCertificateSigningRequests(t.db, 'SIM-ALL'), (rows) => rows.length > 0);
  expect(csrs[0]?.csr).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----/);
});
