import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { routeClient } from '../sites/route-client';
import { addStations, startSession, stopSession, utc } from '../billing/fixtures';
import { insertDriver } from '@/lib/db/queries/drivers';
import { upsertIdTag } from '@/lib/db/queries/id-tags';
import * as transactionsRoute from '@/app/api/v1/transactions/route';

let t: TestDatabase;
let api: Awaited<ReturnType<typeof routeClient>>;

beforeAll(async () => {
  t = await createTestDatabase();
  api = await routeClient(t);
  await addStations(t.db, 'D-1');
  const now = new Date();
  const ada = await insertDriver(t.db, { name: 'Ada Lovelace', email: 'ada@fleet.example', status: 'active' }, now);
  const bob = await insertDriver(t.db, { name: 'Bob 100%_Sure', email: 'bob@example.com', status: 'active' }, now);
  for (const [driverId, hour] of [
    [ada.id, '08:00'],
    [bob.id, '10:00'],
  ] as const) {
    const session = await startSession(t.db, { stationId: 'D-1', startedAt: utc(hour), meterStart: 0 });
    await upsertIdTag(t.db, { idTag: session.idTag, driverId });
    await stopSession(t.db, session, new Date(utc(hour).getTime() + 3_600_000), 1000);
  }
});
afterAll(async () => {
  await api?.close();
  await t?.drop();
});

const driversOf = async (query: string) => {
  const response = await api.call(transactionsRoute.GET, { role: 'viewer', path: `/api/v1/transactions?${query}` });
  expect(response.status).toBe(200);
  return (response.body.data as { startedAt: string }[]).map((row) => new Date(row.startedAt).toISOString().slice(11, 16));
};

it('filters session history by part of the driver name or email, case-insensitive', async () => {
  expect(await driversOf('driver=lovelace')).toEqual(['08:00']);
  expect(await driversOf('driver=FLEET.EXAMPLE')).toEqual(['08:00']);
  expect(await driversOf('driver=example')).toEqual(['10:00', '08:00']);
});

it('takes % and _ in the filter literally', async () => {
  expect(await driversOf(`driver=${encodeURIComponent('100%_')}`)).toEqual(['10:00']);
  expect(await driversOf(`driver=${encodeURIComponent('a%e')}`)).toEqual([]);
});
