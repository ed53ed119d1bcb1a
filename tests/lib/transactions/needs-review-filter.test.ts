import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { routeClient } from '../sites/route-client';
import { addStations, startSession, stopSession, utc } from '../billing/fixtures';
import { runReconciliation } from '@/ocpp-server/scheduler/reconcile-task';
import type { Bus } from '@/lib/bus/bus';
import * as transactionsRoute from '@/app/api/v1/transactions/route';

let t: TestDatabase;
let api: Awaited<ReturnType<typeof routeClient>>;
let normal: number;
let stuck: number;

beforeAll(async () => {
  t = await createTestDatabase();
  api = await routeClient(t);
  await addStations(t.db, 'NR-1');
  const first = await startSession(t.db, { stationId: 'NR-1', startedAt: utc('08:00'), meterStart: 0 });
  await stopSession(t.db, first, utc('09:00'), 1000);
  normal = first.id;
  // Open since 10:00 and never stopped: past a 1 h maximum, the job closes it.
  stuck = (await startSession(t.db, { stationId: 'NR-1', startedAt: utc('10:00'), meterStart: 0, connectorId: 2 })).id;
  const bus = { publish: () => undefined } as unknown as Bus;
  await runReconciliation(t.db, bus, { now: new Date(utc('10:00').getTime() + 2 * 3_600_000), graceMs: 0, offlineMs: 1000 * 3_600_000, maxSessionMs: 3_600_000, limit: 10 });
});
afterAll(async () => {
  await api?.close();
  await t?.drop();
});

const ids = async (query: string) => {
  const response = await api.call(transactionsRoute.GET, { role: 'viewer', path: `/api/v1/transactions?${query}` });
  expect(response.status).toBe(200);
  return (response.body.data as { id: number; needsReview: boolean; serverStopReason: string | null }[]).map((row) => [row.id, row.needsReview, row.serverStopReason]);
};

it('GET /api/v1/transactions?needsReview filters on the review flag and returns it', async () => {
  expect(await ids('needsReview=true')).toEqual([[stuck, true, 'reconciled:max_duration']]);
  expect(await ids('needsReview=false')).toEqual([[normal, false, null]]);
  expect((await ids('')).length).toBe(2);
});

it('a needsReview that is not true/false is a 400 naming the field', async () => {
  const response = await api.call(transactionsRoute.GET, { role: 'viewer', path: '/api/v1/transactions?needsReview=yes' });
  expect(response.status).toBe(400);
  expect(response.body).toMatchObject({ error: { field: 'needsReview' } });
});
