import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { openRawStation } from '../support/ocpp-client';

// OCPP-J 1.6 §4.2.3: each malformed or invalid CALL gets the right CALLERROR and the socket stays open.
let t: TestDatabase;
let server: OcppServerProcess;
let station: Awaited<ReturnType<typeof openRawStation>>;
beforeAll(async () => {
  t = await createTestDatabase();
  server = await startOcppServer({ databaseUrl: t.url });
  station = await openRawStation(server.url, 'CP-ERR');
  await station.call('BootNotification', { chargePointVendor: 'Test', chargePointModel: 'T1' });
});
afterAll(async () => {
  await station?.close();
  await server?.stop();
  await t?.drop();
});

/** [type, id, errorCode] of a reply. */
const head = (reply: unknown) => (reply as unknown[]).slice(0, 3);
const validStatus = { connectorId: 1, errorCode: 'NoError', status: 'Available' };

async function expectStillOpen() {
  const reply = await station.call('Heartbeat', {}, 'still-open');
  expect(reply).toEqual([3, 'still-open', { currentTime: expect.any(String) }]);
}

describe('frames that are not OCPP-J', () => {
  it('malformed JSON → FormationViolation', async () => {
    station.send('[2, "a1", "Heartbeat", {');
    expect(await station.next()).toEqual([4, '-1', 'FormationViolation', expect.any(String), {}]);
    await expectStillOpen();
  });

  it('JSON that is not an array → FormationViolation', async () => {
    station.send('{"action":"Heartbeat"}');
    expect(head(await station.next())).toEqual([4, '-1', 'FormationViolation']);
    await expectStillOpen();
  });

  it('a message id that is not a string → FormationViolation', async () => {
    station.send('[2, 17, "Heartbeat", {}]');
    expect(head(await station.next())).toEqual([4, '-1', 'FormationViolation']);
    await expectStillOpen();
  });

  it('an unknown message type → ProtocolError', async () => {
    station.send('[7, "a2", "Heartbeat", {}]');
    // ocpp-rpc rejects the type before it reads the id, so the id is "-1" as for unreadable frames.
    expect(head(await station.next())).toEqual([4, '-1', 'ProtocolError']);
    await expectStillOpen();
  });

  it('a CALL without payload → ProtocolError', async () => {
    station.send('[2, "a3", "Heartbeat"]');
    expect(head(await station.next())).toEqual([4, 'a3', 'ProtocolError']);
    await expectStillOpen();
  });

  it('a payload that is not an object → FormationViolation', async () => {
    expect(head(await station.call('Heartbeat', 'hello', 'a4'))).toEqual([4, 'a4', 'FormationViolation']);
    await expectStillOpen();
  });
});

describe('payloads that fail the OCPP 1.6 schema', () => {
  it('wrong JSON type → TypeConstraintViolation', async () => {
    expect(head(await station.call('StatusNotification', { ...validStatus, connectorId: '1' }, 'b1'))).toEqual([4, 'b1', 'TypeConstraintViolation']);
  });

  it('a timestamp that is not a date-time → TypeConstraintViolation', async () => {
    expect(head(await station.call('StatusNotification', { ...validStatus, timestamp: 'yesterday' }, 'b2'))).toEqual([4, 'b2', 'TypeConstraintViolation']);
  });

  it('a value outside its enumeration → PropertyConstraintViolation', async () => {
    expect(head(await station.call('StatusNotification', { ...validStatus, status: 'Sleeping' }, 'b3'))).toEqual([4, 'b3', 'PropertyConstraintViolation']);
  });

  it('a string over its maximum length → PropertyConstraintViolation', async () => {
    expect(head(await station.call('Authorize', { idTag: 'X'.repeat(21) }, 'b4'))).toEqual([4, 'b4', 'PropertyConstraintViolation']);
  });

  it('a missing required field → OccurenceConstraintViolation (the 1.6 spelling)', async () => {
    const reply = await station.call('BootNotification', { chargePointVendor: 'Test' }, 'b5');
    expect(head(reply)).toEqual([4, 'b5', 'OccurenceConstraintViolation']);
    // The error details name the field, never echo the payload back.
    expect(JSON.stringify(reply[4])).toContain('chargePointModel');
  });

  it('a field the schema does not define → FormationViolation', async () => {
    expect(head(await station.call('Heartbeat', { extra: 1 }, 'b6'))).toEqual([4, 'b6', 'FormationViolation']);
    await expectStillOpen();
  });
});

describe('actions', () => {
  it('an unknown action → NotImplemented', async () => {
    expect(head(await station.call('MakeCoffee', {}, 'c1'))).toEqual([4, 'c1', 'NotImplemented']);
  });

  it('a Central System action sent by a station → NotSupported', async () => {
    expect(head(await station.call('RemoteStartTransaction', { idTag: 'A' }, 'c2'))).toEqual([4, 'c2', 'NotSupported']);
    await expectStillOpen();
  });

  it('every error was logged with the frame that caused it', async () => {
    const { listMessageLog } = await import('@/lib/db/queries/message-log');
    await new Promise((resolve) => setTimeout(resolve, 300)); // the log is written after the reply
    const rows = await listMessageLog(t.db, { stationId: 'CP-ERR', limit: 500 });
    const errors = rows.filter((row) => row.messageType === 4);
    expect(errors.map((row) => row.errorCode)).toEqual(expect.arrayContaining(['FormationViolation', 'NotImplemented', 'OccurenceConstraintViolation']));
    const malformed = rows.find((row) => row.direction === 'in' && row.frame.startsWith('[2, "a1"'));
    expect(malformed?.messageType).toBeNull();
    const answered = rows.find((row) => row.direction === 'out' && row.messageId === 'still-open');
    expect(answered).toMatchObject({ action: 'Heartbeat', messageType: 3 });
    expect(answered?.latencyMs).toBeGreaterThanOrEqual(0);
  });
});
