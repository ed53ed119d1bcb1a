import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { boot, connectStation, openRawStation } from '../support/ocpp-client';
import { upsertIdTag } from '@/lib/db/queries/id-tags';
import { getTransactionById, listTransactionAnomalies, listTransactionsForStation } from '@/lib/db/queries/transactions';
import { listMeterValuesForTransaction } from '@/lib/db/queries/meter-values';
import { createBus, type Bus } from '@/lib/bus/bus';
import type { CsmsEvent } from '@/lib/bus/events';

let t: TestDatabase;
let server: OcppServerProcess;
let station: RPCClient;
let bus: Bus;
const events: CsmsEvent[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  await upsertIdTag(t.db, { idTag: 'DRIVER', maxConcurrentTx: null });
  bus = createBus(t.db.$client);
  bus.subscribe((event) => events.push(event));
  server = await startOcppServer({ databaseUrl: t.url });
  station = await connectStation(server.url, 'TX-1');
  await boot(station);
});
afterAll(async () => {
  await station?.close();
  await server?.stop();
  await bus?.close();
  await t?.drop();
});

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString();
type StartAnswer = { transactionId: number; idTagInfo: { status: string } };

describe('a transaction from start to stop', () => {
  let transactionId: number;

  it('StartTransaction answers a new transaction id', async () => {
    const answer = (await station.call('StartTransaction', { connectorId: 1, idTag: 'DRIVER', meterStart: 1000, timestamp: at(0) })) as StartAnswer;
    expect(answer.idTagInfo.status).toBe('Accepted');
    transactionId = answer.transactionId;
    expect(await getTransactionById(t.db, transactionId)).toMatchObject({ stationId: 'TX-1', connectorId: 1, meterStart: 1000, stoppedAt: null });
  });

  it('MeterValues: normalised to Wh/W, raw kept, attached to the transaction, duplicates dropped', async () => {
    const meterValue = [
      {
        timestamp: at(1),
        sampledValue: [
          { value: '1.5', unit: 'kWh', measurand: 'Energy.Active.Import.Register', context: 'Sample.Periodic' },
          { value: '7.4', unit: 'kW', measurand: 'Power.Active.Import' },
          { value: '16.02', unit: 'A', measurand: 'Current.Import', phase: 'L1' },
          { value: '16.10', unit: 'A', measurand: 'Current.Import', phase: 'L2' },
          { value: '55', measurand: 'SoC', location: 'EV' },
          { value: '300.15', unit: 'K', measurand: 'Temperature', location: 'Body' },
          { value: 'OCMF|{"FV":"1.0"}|{"SA":"ECDSA-secp256r1-SHA256","SD":"3045"}', format: 'SignedData', measurand: 'Energy.Active.Import.Register', location: 'Cable' },
        ],
      },
    ];
    await station.call('MeterValues', { connectorId: 1, transactionId, meterValue });
    await station.call('MeterValues', { connectorId: 1, transactionId, meterValue }); // a retransmission
    const rows = await listMeterValuesForTransaction(t.db, transactionId);
    expect(rows).toHaveLength(7);
    const find = (measurand: string, extra: Record<string, unknown> = {}) => rows.find((r) => r.measurand === measurand && Object.entries(extra).every(([k, v]) => (r as Record<string, unknown>)[k] === v));
    expect(find('Energy.Active.Import.Register', { format: 'Raw' })).toMatchObject({ value: 1500, unit: 'Wh', rawValue: '1.5', rawUnit: 'kWh', location: 'Outlet' });
    expect(find('Power.Active.Import')).toMatchObject({ value: 7400, unit: 'W', context: 'Sample.Periodic' });
    expect(find('Current.Import', { phase: 'L2' })).toMatchObject({ value: 16.1, unit: 'A' });
    expect(find('SoC')).toMatchObject({ value: 55, unit: 'Percent', location: 'EV' });
    expect(find('Temperature')?.value).toBeCloseTo(27, 6);
    expect(find('Energy.Active.Import.Register', { format: 'SignedData' })).toMatchObject({ value: null, rawValue: expect.stringMatching(/^OCMF\|/) });
    expect(rows.every((r) => r.sampledAt.toISOString() === at(1))).toBe(true);
  });

  it('StopTransaction stores transactionData and closes the transaction', async () => {
    const transactionData = [{ timestamp: at(30), sampledValue: [{ value: '9000', context: 'Transaction.End' }] }];
    const answer = await station.call('StopTransaction', { transactionId, idTag: 'DRIVER', meterStop: 9000, timestamp: at(30), reason: 'EVDisconnected', transactionData });
    expect(answer).toEqual({ idTagInfo: { status: 'Accepted' } });
    expect(await getTransactionById(t.db, transactionId)).toMatchObject({ meterStop: 9000, stopReason: 'EVDisconnected', stoppedAt: new Date(at(30)) });
    expect((await listMeterValuesForTransaction(t.db, transactionId)).some((r) => r.context === 'Transaction.End' && r.value === 9000)).toBe(true);
  });

  it('a retransmitted StopTransaction is answered the same and changes nothing', async () => {
    await station.call('StopTransaction', { transactionId, meterStop: 9000, timestamp: at(30) });
    expect(await getTransactionById(t.db, transactionId)).toMatchObject({ meterStop: 9000, stopReason: 'EVDisconnected' });
    expect(await listTransactionAnomalies(t.db, 'TX-1')).toHaveLength(0);
  });

  it('every change was published on the bus, as ids', async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events).toEqual(
      expect.arrayContaining([
        { kind: 'station.connected', stationId: 'TX-1' },
        { kind: 'transaction.started', stationId: 'TX-1', transactionId },
        { kind: 'meter.values', stationId: 'TX-1', connectorId: 1, transactionId },
        { kind: 'transaction.stopped', stationId: 'TX-1', transactionId },
      ]),
    );
  });
});

describe('retransmissions and surprises', () => {
  it('a retransmitted StartTransaction gets the same transactionId, never a second transaction', async () => {
    const request = { connectorId: 2, idTag: 'DRIVER', meterStart: 500, timestamp: at(40) };
    const raw = await openRawStation(server.url, 'TX-2');
    await raw.call('BootNotification', { chargePointVendor: 'Test', chargePointModel: 'T1' });
    // Sent twice back to back with different message ids, as a station does when the first answer is lost.
    const [first, second] = await Promise.all([raw.call('StartTransaction', request, 'm1'), raw.call('StartTransaction', request, 'm2')]);
    const ids = [first, second].map((reply) => (reply[2] as StartAnswer).transactionId);
    expect(ids[0]).toBe(ids[1]);
    expect(await listTransactionsForStation(t.db, 'TX-2')).toHaveLength(1);
    await raw.close();
  });

  it('a StartTransaction on a connector with an open transaction closes the old one with a recorded reason', async () => {
    const old = (await station.call('StartTransaction', { connectorId: 3, idTag: 'DRIVER', meterStart: 0, timestamp: at(41) })) as StartAnswer;
    const fresh = (await station.call('StartTransaction', { connectorId: 3, idTag: 'DRIVER', meterStart: 200, timestamp: at(45) })) as StartAnswer;
    expect(fresh.transactionId).not.toBe(old.transactionId);
    expect(await getTransactionById(t.db, old.transactionId)).toMatchObject({ stoppedAt: new Date(at(45)), serverStopReason: expect.stringContaining('Replaced') });
    expect(await getTransactionById(t.db, fresh.transactionId)).toMatchObject({ stoppedAt: null });
    expect((await listTransactionAnomalies(t.db, 'TX-1')).map((a) => a.kind)).toContain('open_transaction_replaced');
  });

  it('a StopTransaction for an unknown transactionId is answered and recorded', async () => {
    const answer = await station.call('StopTransaction', { transactionId: 987654, idTag: 'DRIVER', meterStop: 1, timestamp: at(50) });
    expect(answer).toEqual({ idTagInfo: { status: 'Accepted' } });
    const anomalies = await listTransactionAnomalies(t.db, 'TX-1');
    expect(anomalies.find((a) => a.transactionId === 987654)?.kind).toBe('stop_for_unknown_transaction');
  });

  it('MeterValues for an unknown transaction are kept, unattached', async () => {
    await expect(station.call('MeterValues', { connectorId: 1, transactionId: 424242, meterValue: [{ timestamp: at(55), sampledValue: [{ value: '1' }] }] })).resolves.toEqual({});
  });
});
