import { sql } from 'drizzle-orm';
import { createRPCError, type RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { boot, connectStation, openRawStation } from '../support/ocpp-client';
import { waitOnline } from '../support/command-deps';
import { routeClient } from '../lib/sites/route-client';
import * as sendRoute from '@/app/api/v1/stations/[stationId]/commands/[action]/route';
import * as listRoute from '@/app/api/v1/stations/[stationId]/commands/route';
import { getCommandById } from '@/lib/db/queries/commands';
import { listAuditEntries } from '@/lib/db/queries/audit-log';
import { insertMissingStations } from '@/lib/db/queries/stations';

let t: TestDatabase;
let server: OcppServerProcess;
let api: Awaited<ReturnType<typeof routeClient>>;
let station: RPCClient;
/** What the station double answers to Reset and ChangeAvailability; what it was sent. */
const answers = { Reset: 'Accepted', ChangeAvailability: 'Scheduled' };
const received: { action: string; params: unknown }[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  server = await startOcppServer({ databaseUrl: t.url });
  api = await routeClient(t);
  station = await connectStation(server.url, 'CMD-1');
  const record = (action: string, params: unknown) => received.push({ action, params });
  station.handle('Reset', async ({ params }) => (record('Reset', params), { status: answers.Reset }));
  station.handle('ChangeAvailability', async ({ params }) => (record('ChangeAvailability', params), { status: answers.ChangeAvailability }));
  station.handle('ChangeConfiguration', async () => ({ status: 'RebootRequired' }));
  station.handle('ClearCache', async () => {
    throw createRPCError('NotSupported', 'This station keeps no authorization cache');
  });
  // Never answers: the timeout case.
  station.handle('UnlockConnector', () => new Promise(() => {}));
  await boot(station);
  await waitOnline(t.db, 'CMD-1');
});
afterAll(async () => {
  await station?.close({ force: true }).catch(() => {});
  await server?.stop();
  await api?.close();
  await t?.drop();
});

const send = (stationId: string, action: string, body: unknown, options: { role?: 'admin' | 'operator' | 'viewer'; timeout?: number } = {}) =>
  api.call(sendRoute.POST, {
    role: options.role ?? 'operator',
    params: { stationId, action },
    body,
    path: `/api/v1/stations/${stationId}/commands/${action}${options.timeout ? `?timeout=${options.timeout}` : ''}`,
  });

/** The command id an error answer carries. */
const commandIdOf = (result: { body: { error?: unknown } }) => (result.body.error as { commandId: number }).commandId;

describe('POST /api/v1/stations/{id}/commands/{Action} through a real OCPP server', () => {
  it('answers 200 completed with the station response, records the command and audits it', async () => {
    const result = await send('CMD-1', 'Reset', { type: 'Soft' });
    expect(result).toEqual({ status: 200, body: { status: 'completed', commandId: expect.any(Number), response: { status: 'Accepted' } } });
    expect(received.at(-1)).toEqual({ action: 'Reset', params: { type: 'Soft' } });
    const row = await getCommandById(t.db, result.body.commandId as number);
    expect(row).toMatchObject({ state: 'completed', action: 'Reset', payload: { type: 'Soft' }, nodeId: 'test-node', actorType: 'token', actorLabel: 'token:test-operator' });
    expect(row!.sentAt).not.toBeNull();
    expect(row!.finishedAt).not.toBeNull();
    const [audit] = await listAuditEntries(t.db, { action: 'station.command' });
    expect(audit).toMatchObject({ action: 'station.command.Reset', targetId: 'CMD-1', result: 'success', detail: 'Reset: Accepted', actorLabel: 'token:test-operator' });
  });

  it('answers 200 rejected when the station refuses', async () => {
    answers.Reset = 'Rejected';
    const result = await send('CMD-1', 'Reset', { type: 'Hard' });
    answers.Reset = 'Accepted';
    expect(result).toMatchObject({ status: 200, body: { status: 'rejected', response: { status: 'Rejected' } } });
    expect((await getCommandById(t.db, result.body.commandId as number))?.state).toBe('rejected');
  });

  it('treats Scheduled (§5.2) and RebootRequired (§5.3) as completed', async () => {
    expect(await send('CMD-1', 'ChangeAvailability', { connectorId: 1, type: 'Inoperative' })).toMatchObject({
      status: 200,
      body: { status: 'completed', response: { status: 'Scheduled' } },
    });
    expect(await send('CMD-1', 'ChangeConfiguration', { key: 'WebSocketPingInterval', value: '30' })).toMatchObject({
      status: 200,
      body: { status: 'completed', response: { status: 'RebootRequired' } },
    });
  });

  it("answers 502 with the station's CALLERROR code and description", async () => {
    const result = await send('CMD-1', 'ClearCache', {});
    expect(result).toMatchObject({
      status: 502,
      body: { error: { code: 'call_error', ocppErrorCode: 'NotSupported', ocppErrorDescription: 'This station keeps no authorization cache' } },
    });
    expect(await getCommandById(t.db, commandIdOf(result))).toMatchObject({ state: 'failed', errorCode: 'NotSupported' });
    const [audit] = await listAuditEntries(t.db, { action: 'station.command.ClearCache' });
    expect(audit).toMatchObject({ result: 'failure' });
  });

  it('answers 504 when the station does not answer in time (?timeout=), recorded as timed_out', async () => {
    const result = await send('CMD-1', 'UnlockConnector', { connectorId: 1 }, { timeout: 1 });
    expect(result).toMatchObject({ status: 504, body: { error: { code: 'timeout' } } });
    expect((await getCommandById(t.db, commandIdOf(result)))?.state).toBe('timed_out');
  });

  it('answers 409 station_offline at once for a station that is not connected, and records it', async () => {
    await insertMissingStations(t.db, [{ id: 'CMD-OFF', registrationStatus: 'accepted' }]);
    const result = await send('CMD-OFF', 'Reset', { type: 'Soft' });
    expect(result).toMatchObject({ status: 409, body: { error: { code: 'station_offline' } } });
    expect(await getCommandById(t.db, commandIdOf(result))).toMatchObject({ state: 'offline', sentAt: null });
  });

  it('says "not connected" for a station marked online that no node holds (not a node named null)', async () => {
    await insertMissingStations(t.db, [{ id: 'CMD-NONODE', registrationStatus: 'accepted' }]);
    await t.db.execute(sql`update stations set online = true, node_id = null where id = 'CMD-NONODE'`);
    const result = await send('CMD-NONODE', 'Reset', { type: 'Soft' });
    expect(result).toMatchObject({ status: 409, body: { error: { code: 'station_offline' } } });
    expect(await getCommandById(t.db, commandIdOf(result))).toMatchObject({ state: 'offline', errorDescription: 'The station is not connected' });
  });

  it('answers 409 station_rejected for a station whose registration is rejected, without recording a command', async () => {
    await insertMissingStations(t.db, [{ id: 'CMD-REJ', registrationStatus: 'rejected' }]);
    expect(await send('CMD-REJ', 'Reset', { type: 'Soft' })).toMatchObject({ status: 409, body: { error: { code: 'station_rejected' } } });
  });

  it('answers 400 naming the field for a payload the OCPP 1.6 schema refuses, and queues nothing', async () => {
    const before = await api.call(listRoute.GET, { role: 'viewer', params: { stationId: 'CMD-1' } });
    expect(await send('CMD-1', 'Reset', { type: 'Gentle' })).toEqual({
      status: 400,
      body: { error: { code: 'invalid_request', field: 'type', message: 'type: must be equal to one of the allowed values (Hard, Soft)' } },
    });
    expect((await send('CMD-1', 'Reset', {})).body.error).toMatchObject({ field: 'type', message: 'type: is required' });
    expect((await send('CMD-1', 'Reset', { type: 'Soft', force: true })).body.error).toMatchObject({ field: 'force' });
    expect((await send('CMD-1', 'UnlockConnector', { connectorId: '1' })).body.error).toMatchObject({ field: 'connectorId', message: 'connectorId: must be integer' });
    const profile = { chargingProfileId: 1, stackLevel: 0, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Absolute', chargingSchedule: { chargingRateUnit: 'kW', chargingSchedulePeriod: [] } };
    expect((await send('CMD-1', 'RemoteStartTransaction', { idTag: 'T', chargingProfile: profile })).body.error).toMatchObject({
      field: 'chargingProfile.chargingSchedule.chargingRateUnit',
    });
    expect((await send('CMD-1', 'Reset', '[1]')).body.error).toMatchObject({ code: 'invalid_request' });
    expect((await send('CMD-1', 'Fly', {})).body.error).toMatchObject({ field: 'action' });
    const after = await api.call(listRoute.GET, { role: 'viewer', params: { stationId: 'CMD-1' } });
    expect(after.body.data).toHaveLength((before.body.data as unknown[]).length);
  });

  it('refuses viewers (403) and unknown stations (404)', async () => {
    expect((await send('CMD-1', 'Reset', { type: 'Soft' }, { role: 'viewer' })).status).toBe(403);
    expect((await send('NOPE', 'Reset', { type: 'Soft' })).status).toBe(404);
    expect((await send('CMD-1', 'Reset', { type: 'Soft' }, { role: 'admin' })).status).toBe(200);
  });

  it('lists the history newest first, with who sent what and the outcome', async () => {
    const { status, body } = await api.call(listRoute.GET, { role: 'viewer', params: { stationId: 'CMD-1' }, path: '/api/v1/stations/CMD-1/commands?limit=3' });
    expect(status).toBe(200);
    const data = body.data as { id: number; action: string; state: string; actor: { label: string } }[];
    expect(data).toHaveLength(3);
    expect(data[0]).toMatchObject({ action: 'Reset', state: 'completed', actor: { label: 'token:test-admin' } });
    expect(data[0]!.id).toBeGreaterThan(data[1]!.id);
  });
});

describe('a station whose answer breaks the OCPP 1.6 schema', () => {
  it('answers 502 invalid_response and keeps what the station sent', async () => {
    const raw = await openRawStation(server.url, 'CMD-RAW');
    await raw.call('BootNotification', { chargePointVendor: 'Raw', chargePointModel: 'R1' });
    await waitOnline(t.db, 'CMD-RAW');
    const pending = send('CMD-RAW', 'Reset', { type: 'Soft' });
    const call = (await raw.next()) as [number, string, string, unknown];
    expect(call.slice(2)).toEqual(['Reset', { type: 'Soft' }]);
    raw.send([3, call[1], { status: 'Maybe' }]);
    const result = await pending;
    expect(result).toMatchObject({ status: 502, body: { error: { code: 'invalid_response', response: { status: 'Maybe' } } } });
    await raw.close();
  });
});
