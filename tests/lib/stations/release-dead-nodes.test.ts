import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { upsertServiceHeartbeat } from '@/lib/db/queries/service-heartbeats';
import { getStationById, insertMissingStations, setStationsOnline } from '@/lib/db/queries/stations';
import { releaseDeadNodes } from '@/lib/stations/release-dead-nodes';

// Two nodes whose heartbeat rows are both a minute old: node-self is the one running the check.
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  const now = new Date();
  const minuteAgo = new Date(now.getTime() - 60_000);
  await insertMissingStations(t.db, [
    { id: 'SELF-1', registrationStatus: 'accepted' },
    { id: 'OTHER-1', registrationStatus: 'accepted' },
  ]);
  await setStationsOnline(t.db, 'node-self', [{ stationId: 'SELF-1', protocol: 'ocpp1.6', at: now }]);
  await setStationsOnline(t.db, 'node-other', [{ stationId: 'OTHER-1', protocol: 'ocpp1.6', at: now }]);
  for (const node of ['node-self', 'node-other']) {
    await upsertServiceHeartbeat(t.db, { serviceId: `ocpp:${node}`, kind: 'ocpp', startedAt: minuteAgo, at: minuteAgo, info: {} });
  }
});
afterAll(() => t?.drop());

it('a node never releases its own stations, however late its own heartbeat: running the check proves it alive', async () => {
  const released = await releaseDeadNodes(t.db, { staleAfterMs: 30_000, at: new Date(), selfNodeId: 'node-self' });
  expect(released.map((node) => [node.nodeId, node.stationIds])).toEqual([['node-other', ['OTHER-1']]]);
  expect(await getStationById(t.db, 'SELF-1')).toMatchObject({ online: true, nodeId: 'node-self' });
  expect(await getStationById(t.db, 'OTHER-1')).toMatchObject({ online: false, nodeId: 'node-other' });
});
