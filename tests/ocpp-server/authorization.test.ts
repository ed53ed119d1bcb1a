import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { boot, connectStation } from '../support/ocpp-client';
import { upsertIdTag } from '@/lib/db/queries/id-tags';

let t: TestDatabase;
let server: OcppServerProcess;
let station: RPCClient;
const future = new Date(Date.now() + 30 * 86_400_000);
const past = new Date(Date.now() - 86_400_000);

beforeAll(async () => {
  t = await createTestDatabase();
  await upsertIdTag(t.db, { idTag: 'GOOD', expiresAt: future, parentIdTag: 'FLEET' });
  await upsertIdTag(t.db, { idTag: 'FLEET' });
  await upsertIdTag(t.db, { idTag: 'BLOCKED', blocked: true });
  await upsertIdTag(t.db, { idTag: 'OLD', expiresAt: past });
  await upsertIdTag(t.db, { idTag: 'KID', parentIdTag: 'BADPARENT' });
  await upsertIdTag(t.db, { idTag: 'BADPARENT', blocked: true });
  await upsertIdTag(t.db, { idTag: 'SINGLE', maxConcurrentTx: 1 });
  await upsertIdTag(t.db, { idTag: 'MANY', maxConcurrentTx: null });
  server = await startOcppServer({ databaseUrl: t.url });
  station = await connectStation(server.url, 'AUTH-1');
  await boot(station);
});
afterAll(async () => {
  await station?.close();
  await server?.stop();
  await t?.drop();
});

const authorize = (idTag: string) => station.call('Authorize', { idTag }) as Promise<{ idTagInfo: Record<string, unknown> }>;
const start = (connectorId: number, idTag: string) =>
  station.call('StartTransaction', { connectorId, idTag, meterStart: 0, timestamp: new Date().toISOString() }) as Promise<{
    transactionId: number;
    idTagInfo: Record<string, unknown>;
  }>;

describe('Authorize: each idTagInfo status', () => {
  it('Accepted, with expiryDate and parentIdTag', async () => {
    expect((await authorize('GOOD')).idTagInfo).toEqual({ status: 'Accepted', expiryDate: future.toISOString(), parentIdTag: 'FLEET' });
  });

  it('idTags compare case-insensitively (CiString20)', async () => {
    expect((await authorize('good')).idTagInfo.status).toBe('Accepted');
  });

  it('Blocked', async () => {
    expect((await authorize('BLOCKED')).idTagInfo).toEqual({ status: 'Blocked' });
  });

  it('Blocked when the parent tag is blocked', async () => {
    expect((await authorize('KID')).idTagInfo).toEqual({ status: 'Blocked', parentIdTag: 'BADPARENT' });
  });

  it('Expired, with the expiryDate', async () => {
    expect((await authorize('OLD')).idTagInfo).toEqual({ status: 'Expired', expiryDate: past.toISOString() });
  });

  it('Invalid for an unknown tag', async () => {
    expect((await authorize('NOBODY')).idTagInfo).toEqual({ status: 'Invalid' });
  });

  it('ConcurrentTx once the tag has as many open transactions as it may', async () => {
    expect((await authorize('SINGLE')).idTagInfo.status).toBe('Accepted');
    const first = await start(1, 'SINGLE');
    expect(first.idTagInfo.status).toBe('Accepted');
    expect((await authorize('SINGLE')).idTagInfo.status).toBe('ConcurrentTx');
    // The station has started anyway: the transaction is recorded, and told ConcurrentTx.
    const second = await start(2, 'SINGLE');
    expect(second.idTagInfo.status).toBe('ConcurrentTx');
    expect(second.transactionId).not.toBe(first.transactionId);
    await station.call('StopTransaction', { transactionId: second.transactionId, meterStop: 0, timestamp: new Date().toISOString() });
    await station.call('StopTransaction', { transactionId: first.transactionId, meterStop: 10, timestamp: new Date().toISOString() });
    expect((await authorize('SINGLE')).idTagInfo.status).toBe('Accepted');
  });

  it('a tag without a limit may run several transactions', async () => {
    expect((await start(3, 'MANY')).idTagInfo.status).toBe('Accepted');
    expect((await start(4, 'MANY')).idTagInfo.status).toBe('Accepted');
    expect((await authorize('MANY')).idTagInfo.status).toBe('Accepted');
  });
});
