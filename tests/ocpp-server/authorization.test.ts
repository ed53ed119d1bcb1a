import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { boot, connectStation } from '../support/ocpp-client';
import { upsertIdTag } from '@/lib/db/queries/id-tags';
import { insertMissingStations } from '@/lib/db/queries/stations';
import { drivers, idTagSites, sites, stationSites } from '@/lib/db/schema';
import type { DbClient } from '@/lib/db/client';

let t: TestDatabase;
let server: OcppServerProcess;
let station: RPCClient;
const future = new Date(Date.now() + 30 * 86_400_000);
const past = new Date(Date.now() - 86_400_000);

beforeAll(async () => {
  t = await createTestDatabase();
  await upsertIdTag(t.db, { idTag: 'GOOD', expiresAt: future, parentIdTag: 'FLEET' });
  await upsertIdTag(t.db, { idTag: 'FLEET' });
  await upsertIdTag(t.db, { idTag: 'BLOCKED', status: 'Blocked' });
  await upsertIdTag(t.db, { idTag: 'OLD', expiresAt: past });
  await upsertIdTag(t.db, { idTag: 'KID', parentIdTag: 'BADPARENT' });
  await upsertIdTag(t.db, { idTag: 'BADPARENT', status: 'Blocked' });
  await upsertIdTag(t.db, { idTag: 'SINGLE', maxConcurrentTx: 1 });
  await upsertIdTag(t.db, { idTag: 'MANY', maxConcurrentTx: null });
  await upsertIdTag(t.db, { idTag: 'PAIR', maxConcurrentTx: 2 });
  await upsertIdTag(t.db, { idTag: 'FLEETCARD', maxConcurrentTx: null });
  await upsertIdTag(t.db, { idTag: 'SETEXPIRED', status: 'Expired' });
  await upsertIdTag(t.db, { idTag: 'TOP', status: 'Blocked' });
  await upsertIdTag(t.db, { idTag: 'MID', parentIdTag: 'TOP' });
  await upsertIdTag(t.db, { idTag: 'GRANDKID', parentIdTag: 'MID' });
  await seedDriverAndSites(t.db);
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

  it('idTags match exactly as sent (card UIDs: AB12 and ab12 are two tags)', async () => {
    expect((await authorize('good')).idTagInfo.status).toBe('Invalid');
  });

  it('Blocked', async () => {
    expect((await authorize('BLOCKED')).idTagInfo).toEqual({ status: 'Blocked' });
  });

  it('Blocked when the parent tag is blocked', async () => {
    expect((await authorize('KID')).idTagInfo).toEqual({ status: 'Blocked', parentIdTag: 'BADPARENT' });
  });

  it('Blocked when a tag further up the group is blocked', async () => {
    expect((await authorize('GRANDKID')).idTagInfo).toEqual({ status: 'Blocked', parentIdTag: 'MID' });
  });

  it('Blocked when its driver is blocked', async () => {
    expect((await authorize('DRIVERLESS')).idTagInfo.status).toBe('Blocked');
  });

  it('Invalid at a site the tag may not charge at', async () => {
    expect((await authorize('OTHERSITE')).idTagInfo.status).toBe('Invalid');
    expect((await authorize('THISSITE')).idTagInfo.status).toBe('Accepted');
  });

  it('Expired when set so by the operator', async () => {
    expect((await authorize('SETEXPIRED')).idTagInfo).toEqual({ status: 'Expired' });
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

  it('starts of a limited tag arriving at once from five stations are counted exactly: the limit holds', async () => {
    const statuses = await startsAtOnce('PAIR', 'AUTH-P');
    expect(statuses.filter((status) => status === 'Accepted')).toHaveLength(2);
    expect(statuses.filter((status) => status === 'ConcurrentTx')).toHaveLength(3);
  });

  it('starts of an unlimited tag arriving at once from five stations are all accepted', async () => {
    expect(await startsAtOnce('FLEETCARD', 'AUTH-F')).toEqual(['Accepted', 'Accepted', 'Accepted', 'Accepted', 'Accepted']);
  });
});

/** One StartTransaction of `idTag` from each of five stations, sent together (a station sends one call at a time). */
async function startsAtOnce(idTag: string, prefix: string): Promise<unknown[]> {
  const stations = await Promise.all([1, 2, 3, 4, 5].map((n) => connectStation(server.url, `${prefix}${n}`)));
  try {
    await Promise.all(stations.map((client) => boot(client)));
    const results = await Promise.all(
      stations.map((client) => client.call('StartTransaction', { connectorId: 1, idTag, meterStart: 0, timestamp: new Date().toISOString() }) as Promise<{ idTagInfo: { status: string } }>),
    );
    return results.map((result) => result.idTagInfo.status);
  } finally {
    await Promise.all(stations.map((client) => client.close()));
  }
}

/** A blocked driver's tag, and two site-restricted tags: one for AUTH-1's site, one for another. */
async function seedDriverAndSites(db: DbClient) {
  const [driver] = await db.insert(drivers).values({ name: 'Blocked Driver', status: 'blocked' }).returning();
  await upsertIdTag(db, { idTag: 'DRIVERLESS', driverId: driver!.id });
  const [here, there] = await db
    .insert(sites)
    .values([
      { name: 'Here', timeZone: 'UTC' },
      { name: 'There', timeZone: 'UTC' },
    ])
    .returning();
  await insertMissingStations(db, [{ id: 'AUTH-1', registrationStatus: 'accepted' }]);
  await db.insert(stationSites).values({ stationId: 'AUTH-1', siteId: here!.id });
  const thisSite = await upsertIdTag(db, { idTag: 'THISSITE', allSites: false });
  const otherSite = await upsertIdTag(db, { idTag: 'OTHERSITE', allSites: false });
  await db.insert(idTagSites).values([
    { idTagId: thisSite.id, siteId: here!.id },
    { idTagId: otherSite.id, siteId: there!.id },
  ]);
}
