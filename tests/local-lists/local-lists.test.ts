import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { boot, connectStation } from '../support/ocpp-client';
import { waitOnline } from '../support/command-deps';
import { routeClient } from '../lib/sites/route-client';
import * as localListRoute from '@/app/api/v1/stations/[stationId]/local-list/route';
import * as versionRoute from '@/app/api/v1/stations/[stationId]/local-list/version/route';
import * as syncRoute from '@/app/api/v1/local-lists/sync/route';
import { systemActor } from '@/lib/auth/roles';
import { getBus } from '@/lib/bus/get-bus';
import { blockIdTags } from '@/lib/id-tags/block-id-tags';
import { createIdTag } from '@/lib/id-tags/create-id-tag';
import { deleteIdTag } from '@/lib/id-tags/delete-id-tag';
import { createSite } from '@/lib/sites/create-site';
import { insertMissingStations } from '@/lib/db/queries/stations';

let t: TestDatabase;
let server: OcppServerProcess;
let api: Awaited<ReturnType<typeof routeClient>>;
let station: RPCClient;
/** What the station double holds and answers, and every SendLocalList it received. */
const held = { version: 0, answer: 'Accepted' };
const received: { listVersion: number; updateType: string; localAuthorizationList?: { idTag: string; idTagInfo?: { status: string } }[] }[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  // No automatic re-sync here: each step below sends by hand (auto-sync.test.ts covers the task).
  server = await startOcppServer({ databaseUrl: t.url, env: { LOCAL_LIST_SYNC_INTERVAL: '0' } });
  api = await routeClient(t);
  const elsewhere = await createSite(t.db, systemActor, { name: 'Elsewhere', timeZone: 'UTC', country: null, addressLine: null, postalCode: null, city: null, latitude: null, longitude: null });
  await createIdTag(t.db, systemActor, { idTag: 'CARD-A', status: 'Accepted' });
  await createIdTag(t.db, systemActor, { idTag: 'CARD-B', status: 'Accepted', expiryDate: new Date('2030-01-01T00:00:00Z') });
  await createIdTag(t.db, systemActor, { idTag: 'CARD-OTHER-SITE', status: 'Accepted', siteIds: [elsewhere.id] });
  station = await connectStation(server.url, 'LL-1');
  station.handle('SendLocalList', async ({ params }) => {
    received.push(params as (typeof received)[number]);
    if (held.answer === 'Accepted') held.version = (params as { listVersion: number }).listVersion;
    return { status: held.answer };
  });
  station.handle('GetLocalListVersion', async () => ({ listVersion: held.version }));
  await boot(station);
  await waitOnline(t.db, 'LL-1');
});
afterAll(async () => {
  await station?.close({ force: true }).catch(() => {});
  await server?.stop();
  await getBus().close();
  await api?.close();
  await t?.drop();
});

const status = async () => (await api.call(localListRoute.GET, { role: 'viewer', params: { stationId: 'LL-1' } })).body;
const send = (updateType: unknown, role: 'operator' | 'viewer' = 'operator', stationId = 'LL-1') =>
  api.call(localListRoute.POST, { role, params: { stationId }, body: { updateType } });

describe('local authorization lists over a real OCPP socket', () => {
  it('starts never sent, with the tags valid at the station (not those of another site)', async () => {
    expect(await status()).toMatchObject({ state: 'never_sent', sentVersion: 0, reportedVersion: null, entries: 2, pendingChanges: 2 });
  });

  it('sends a Full list as version 1 with each tag’s idTagInfo, then is in sync', async () => {
    expect(await send('Full')).toEqual({ status: 200, body: { status: 'Accepted', listVersion: 1, updateType: 'Full', entries: 2, commandId: expect.any(Number) } });
    expect(received.at(-1)).toEqual({
      listVersion: 1,
      updateType: 'Full',
      localAuthorizationList: [
        { idTag: 'CARD-A', idTagInfo: { status: 'Accepted' } },
        { idTag: 'CARD-B', idTagInfo: { status: 'Accepted', expiryDate: '2030-01-01T00:00:00.000Z' } },
      ],
    });
    expect(await status()).toMatchObject({ state: 'in_sync', sentVersion: 1, entries: 2, pendingChanges: 0, lastError: null });
  });

  it('after a tag changes it is out of date; a Differential sends only the changes, removals without idTagInfo', async () => {
    await blockIdTags(t.db, systemActor, { idTags: ['CARD-A'], action: 'block' });
    await createIdTag(t.db, systemActor, { idTag: 'CARD-C', status: 'Accepted' });
    await deleteIdTag(t.db, systemActor, 'CARD-B');
    expect(await status()).toMatchObject({ state: 'out_of_date', pendingChanges: 3 });
    expect((await send('Differential')).body).toMatchObject({ status: 'Accepted', listVersion: 2, entries: 3 });
    expect(received.at(-1)).toEqual({
      listVersion: 2,
      updateType: 'Differential',
      localAuthorizationList: [{ idTag: 'CARD-A', idTagInfo: { status: 'Blocked' } }, { idTag: 'CARD-C', idTagInfo: { status: 'Accepted' } }, { idTag: 'CARD-B' }],
    });
    expect(await status()).toMatchObject({ state: 'in_sync', sentVersion: 2, entries: 2 });
  });

  it('records a refusal without moving the version; GetLocalListVersion shows a station that lost its list', async () => {
    await createIdTag(t.db, systemActor, { idTag: 'CARD-D', status: 'Accepted' });
    held.answer = 'VersionMismatch';
    expect((await send('Differential')).body).toMatchObject({ status: 'VersionMismatch', listVersion: 3 });
    held.answer = 'Accepted';
    expect(await status()).toMatchObject({ state: 'out_of_date', sentVersion: 2, lastError: 'Differential version 3: VersionMismatch' });

    expect((await api.call(versionRoute.POST, { role: 'operator', params: { stationId: 'LL-1' } })).body).toMatchObject({ listVersion: 2 });
    expect(await status()).toMatchObject({ reportedVersion: 2 });
    held.version = 0; // e.g. a factory reset
    expect((await api.call(versionRoute.POST, { role: 'operator', params: { stationId: 'LL-1' } })).body).toMatchObject({ listVersion: 0 });
    expect(await status()).toMatchObject({ state: 'version_mismatch', reportedVersion: 0, sentVersion: 2 });
    expect((await send('Full')).body).toMatchObject({ status: 'Accepted', listVersion: 3, entries: 3 });
    expect(await status()).toMatchObject({ state: 'in_sync', sentVersion: 3, lastError: null });
  });

  it('names the bad field, refuses viewers, and answers 409 at once for an offline station', async () => {
    expect((await send('Partial')).body.error).toMatchObject({ field: 'updateType', message: 'updateType: must be Full or Differential' });
    expect((await send('Full', 'viewer')).status).toBe(403);
    await insertMissingStations(t.db, [{ id: 'LL-OFF', registrationStatus: 'accepted' }]);
    expect(await send('Full', 'operator', 'LL-OFF')).toMatchObject({ status: 409, body: { error: { code: 'station_offline' } } });
    expect((await api.call(localListRoute.GET, { role: 'viewer', params: { stationId: 'NOPE' } })).status).toBe(404);
  });

  it('re-syncs the stations whose list is out of date, and leaves in-sync ones alone', async () => {
    const sync = (role: 'operator' | 'viewer' = 'operator') => api.call(syncRoute.POST, { role, body: undefined, path: '/api/v1/local-lists/sync' });
    expect(await sync()).toEqual({ status: 200, body: { data: [] } });
    await createIdTag(t.db, systemActor, { idTag: 'CARD-E', status: 'Accepted' });
    expect(await sync()).toEqual({ status: 200, body: { data: [{ stationId: 'LL-1', updateType: 'Differential', outcome: 'Accepted', listVersion: 4 }] } });
    expect(received.at(-1)).toEqual({ listVersion: 4, updateType: 'Differential', localAuthorizationList: [{ idTag: 'CARD-E', idTagInfo: { status: 'Accepted' } }] });
    expect((await sync('viewer')).status).toBe(403);
  });
});
