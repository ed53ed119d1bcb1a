import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { RPCServer } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { eventually } from '../support/eventually';
import { upsertIdTag } from '@/lib/db/queries/id-tags';
import { listTransactionsForStation } from '@/lib/db/queries/transactions';
import { listMeterValuesForTransaction } from '@/lib/db/queries/meter-values';
import { runConnector } from '@/scripts/simulator/charging-session';
import { csmsCommandNames, registerCsmsCommands } from '@/scripts/simulator/csms-commands';
import { VirtualStation, type SimulatorStats } from '@/scripts/simulator/virtual-station';

const newStats = (): SimulatorStats => ({ connected: 0, calls: 0, callErrors: 0, sessionsStarted: 0, sessionsCompleted: 0, meterValues: 0 });
const simulated = (url: string, identity: string, stats: SimulatorStats) => {
  const station = new VirtualStation({ url, identity, connectors: 2, meterIntervalS: 0.05, speed: 36_000, idleS: [0, 0.05], idTags: ['SIM-A', 'SIM-B'], log: () => {}, stats });
  registerCsmsCommands(station);
  return station;
};

describe('against the OCPP server', () => {
  let t: TestDatabase;
  let server: OcppServerProcess;
  beforeAll(async () => {
    t = await createTestDatabase();
    await upsertIdTag(t.db, { idTag: 'SIM-A', maxConcurrentTx: null });
    await upsertIdTag(t.db, { idTag: 'SIM-B', maxConcurrentTx: null });
    server = await startOcppServer({ databaseUrl: t.url });
  });
  afterAll(async () => {
    await server?.stop();
    await t?.drop();
  });

  it('boots, charges with meter values and stops every transaction when stopped', async () => {
    const stats = newStats();
    const stations = ['SIM-0001', 'SIM-0002'].map((id) => simulated(server.url, id, stats));
    const loops = stations.flatMap((station) => [station.start(), ...station.connectors.map((c) => runConnector(station, c))]);
    await eventually(async () => stats.sessionsCompleted, (n) => n >= 2, 15_000);
    await Promise.all(stations.map((station) => station.stop()));
    await Promise.all(loops);
    expect(stats.callErrors).toBe(0);

    const transactions = (await Promise.all(stations.map((s) => listTransactionsForStation(t.db, s.options.identity)))).flat();
    expect(transactions.length).toBeGreaterThanOrEqual(2);
    expect(transactions.every((tx) => tx.stoppedAt !== null && tx.meterStop! >= tx.meterStart)).toBe(true);
    const samples = await listMeterValuesForTransaction(t.db, transactions[0]!.id);
    expect(new Set(samples.map((s) => s.measurand))).toEqual(new Set(['Energy.Active.Import.Register', 'Power.Active.Import', 'Current.Import', 'Voltage', 'SoC']));
  });
});

describe('answers to every Central System command (OCPP 1.6 §5)', () => {
  let csms: RPCServer;
  let url: string;
  const received: string[] = [];
  const clients: Parameters<Parameters<RPCServer['on']>[1]>[0][] = [];
  beforeAll(async () => {
    csms = new RPCServer({ protocols: ['ocpp1.6'], strictMode: true });
    csms.on('client', (client) => {
      client.handle(({ method }: { method: string }) => {
        received.push(method);
        if (method === 'BootNotification') return { status: 'Accepted', currentTime: new Date().toISOString(), interval: 300 };
        if (method === 'StartTransaction') return { transactionId: 1, idTagInfo: { status: 'Accepted' } };
        if (method === 'Authorize' || method === 'StopTransaction') return { idTagInfo: { status: 'Accepted' } };
        if (method === 'Heartbeat') return { currentTime: new Date().toISOString() };
        return {};
      });
      clients.push(client);
    });
    const http = await csms.listen(0, '127.0.0.1');
    url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(() => csms.close({ force: true }));

  it('gives a schema-valid answer to each, and acts on RemoteStart/RemoteStop', async () => {
    const station = simulated(url, 'SIM-CMD', newStats());
    const connected = once(csms, 'client');
    await station.start();
    const [client] = (await connected) as [{ call(method: string, params: object): Promise<Record<string, unknown>> }];
    await eventually(async () => received.includes('StatusNotification'), Boolean);
    const soon = new Date(Date.now() + 3_600_000).toISOString();
    const requests: Record<string, object> = {
      ChangeAvailability: { connectorId: 2, type: 'Inoperative' },
      ChangeConfiguration: { key: 'HeartbeatInterval', value: '120' },
      GetConfiguration: { key: ['HeartbeatInterval', 'Nope'] },
      ClearCache: {},
      UnlockConnector: { connectorId: 1 },
      GetDiagnostics: { location: 'ftp://example.invalid/' },
      UpdateFirmware: { location: 'https://example.invalid/fw.bin', retrieveDate: soon },
      TriggerMessage: { requestedMessage: 'Heartbeat' },
      DataTransfer: { vendorId: 'other' },
      ReserveNow: { connectorId: 1, expiryDate: soon, idTag: 'R', reservationId: 5 },
      CancelReservation: { reservationId: 5 },
      SetChargingProfile: { connectorId: 1, csChargingProfiles: { chargingProfileId: 1, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute', chargingSchedule: { chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 7000 }] } } },
      ClearChargingProfile: {},
      GetCompositeSchedule: { connectorId: 1, duration: 3600 },
      SendLocalList: { listVersion: 3, updateType: 'Full' },
      GetLocalListVersion: {},
      RemoteStartTransaction: { connectorId: 1, idTag: 'REMOTE' },
      RemoteStopTransaction: { transactionId: 1 },
      InstallCertificate: { certificateType: 'ManufacturerRootCertificate', certificate: 'not a certificate' },
      GetInstalledCertificateIds: { certificateType: 'ManufacturerRootCertificate' },
      DeleteCertificate: { certificateHashData: { hashAlgorithm: 'SHA256', issuerNameHash: 'a', issuerKeyHash: 'b', serialNumber: '9' } },
      CertificateSigned: { certificateChain: 'not a certificate' },
      ExtendedTriggerMessage: { requestedMessage: 'LogStatusNotification' },
      GetLog: { logType: 'DiagnosticsLog', requestId: 1, log: { remoteLocation: 'ftp://example.invalid/' } },
      SignedUpdateFirmware: { requestId: 2, firmware: { location: 'https://example.invalid/fw.bin', retrieveDateTime: soon, signingCertificate: 'x', signature: 'c2ln' } },
      Reset: { type: 'Soft' },
    };
    expect(Object.keys(requests).sort()).toEqual([...csmsCommandNames].sort());
    const answers: Record<string, unknown> = {};
    for (const [action, params] of Object.entries(requests)) {
      answers[action] = await client.call(action, params);
      if (action === 'RemoteStartTransaction') await eventually(async () => station.connectors[0]!.session, Boolean);
    }
    expect(answers).toMatchObject({
      ChangeAvailability: { status: 'Accepted' },
      GetConfiguration: { configurationKey: [{ key: 'HeartbeatInterval', value: '120', readonly: false }], unknownKey: ['Nope'] },
      GetLocalListVersion: { listVersion: 3 },
      RemoteStartTransaction: { status: 'Accepted' },
      RemoteStopTransaction: { status: 'Accepted' },
      InstallCertificate: { status: 'Rejected' },
      GetInstalledCertificateIds: { status: 'NotFound' },
      DeleteCertificate: { status: 'NotFound' },
      CertificateSigned: { status: 'Rejected' },
      GetLog: { status: 'Accepted', filename: 'diagnosticslog-SIM-CMD.log' },
    });
    const followUps = ['StartTransaction', 'StopTransaction', 'FirmwareStatusNotification', 'DiagnosticsStatusNotification', 'LogStatusNotification', 'SignedFirmwareStatusNotification'];
    expect(await eventually(async () => followUps.filter((action) => !received.includes(action)), (missing) => missing.length === 0)).toEqual([]);
    await station.stop();
  });
});
