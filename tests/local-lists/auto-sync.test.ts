import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { boot, connectStation } from '../support/ocpp-client';
import { commandDeps, operator, waitOnline } from '../support/command-deps';
import { eventually } from '../support/eventually';
import { systemActor } from '@/lib/auth/roles';
import { getBus } from '@/lib/bus/get-bus';
import { createIdTag } from '@/lib/id-tags/create-id-tag';
import { listStationCommands } from '@/lib/db/queries/commands';
import { getLocalListStatus } from '@/lib/local-lists/local-list-status';
import { sendLocalList } from '@/lib/local-lists/send-local-list';

let t: TestDatabase;
let server: OcppServerProcess;
let deps: ReturnType<typeof commandDeps>;
let station: RPCClient;
const received: { listVersion: number; updateType: string; localAuthorizationList?: unknown[] }[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  server = await startOcppServer({ databaseUrl: t.url, env: { LOCAL_LIST_SYNC_INTERVAL: '1' } });
  deps = commandDeps(t.db);
  await createIdTag(t.db, systemActor, { idTag: 'AUTO-1', status: 'Accepted' });
  station = await connectStation(server.url, 'LL-AUTO');
  station.handle('SendLocalList', async ({ params }) => (received.push(params as (typeof received)[number]), { status: 'Accepted' }));
  await boot(station);
  await waitOnline(t.db, 'LL-AUTO');
});
afterAll(async () => {
  await station?.close({ force: true }).catch(() => {});
  await server?.stop();
  await deps?.close();
  await getBus().close();
  const { getDb } = await import('@/lib/db/client');
  await getDb().$client.end();
  await t?.drop();
});

describe('automatic local list re-sync (OCPP server task)', () => {
  it('sends a Differential by itself after a tag changes, to a station that holds a list', async () => {
    expect((await sendLocalList(deps, operator, { stationId: 'LL-AUTO', updateType: 'Full' })).status).toBe('Accepted');
    await createIdTag(t.db, systemActor, { idTag: 'AUTO-2', status: 'Accepted' });
    const status = await eventually(() => getLocalListStatus(t.db, 'LL-AUTO'), (s) => s.sentVersion === 2, 15_000);
    expect(status).toMatchObject({ state: 'in_sync', sentVersion: 2 });
    expect(received.map((r) => [r.listVersion, r.updateType, r.localAuthorizationList])).toEqual([
      [1, 'Full', [{ idTag: 'AUTO-1', idTagInfo: { status: 'Accepted' } }]],
      [2, 'Differential', [{ idTag: 'AUTO-2', idTagInfo: { status: 'Accepted' } }]],
    ]);
    const [latest] = await listStationCommands(t.db, { stationId: 'LL-AUTO' });
    expect(latest).toMatchObject({ action: 'SendLocalList', state: 'completed', actorType: 'system' });
  });
});
