import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { routeClient } from '../sites/route-client';
import { addStations, startSession, stopSession, utc } from '../billing/fixtures';
import { runReconciliation } from '@/ocpp-server/scheduler/reconcile-task';
import type { Bus } from '@/lib/bus/bus';
import { listAuditEntries } from '@/lib/db/queries/audit-log';
import { getTransactionById } from '@/lib/db/queries/transactions';
import * as transactionsRoute from '@/app/api/v1/transactions/route';
import * as reviewRoute from '@/app/api/v1/transactions/[id]/review/route';

let t: TestDatabase;
let api: Awaited<ReturnType<typeof routeClient>>;
let normal: number;
const stuck: number[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  api = await routeClient(t);
  await addStations(t.db, 'MR-1');
  const first = await startSession(t.db, { stationId: 'MR-1', startedAt: utc('08:00'), meterStart: 0 });
  await stopSession(t.db, first, utc('09:00'), 1000);
  normal = first.id;
  // Two sessions open since 10:00 on connectors 2 and 3: past a 1 h maximum, the job closes and flags both.
  for (const connectorId of [2, 3]) stuck.push((await startSession(t.db, { stationId: 'MR-1', startedAt: utc('10:00'), meterStart: 0, connectorId })).id);
  const bus = { publish: () => undefined } as unknown as Bus;
  await runReconciliation(t.db, bus, { now: new Date(utc('10:00').getTime() + 2 * 3_600_000), graceMs: 0, offlineMs: 1000 * 3_600_000, maxSessionMs: 3_600_000, limit: 10 });
});
afterAll(async () => {
  await api?.close();
  await t?.drop();
});

const flagged = async () => {
  const response = await api.call(transactionsRoute.GET, { role: 'viewer', path: '/api/v1/transactions?needsReview=true' });
  return (response.body.data as { id: number }[]).map((row) => row.id).sort();
};

it('POST /api/v1/transactions/{id}/review clears the flag, keeps the note with who reviewed, and audits it', async () => {
  expect(await flagged()).toEqual([...stuck].sort());
  const response = await api.call(reviewRoute.POST, { role: 'operator', params: { id: String(stuck[0]) }, body: { note: 'station log checked, meter value plausible' } });
  expect(response.status).toBe(200);
  expect(response.body).toMatchObject({ id: stuck[0], needsReview: false });
  const note = response.body.reviewNote as string;
  expect(note.split('\n')[0]).toContain('closed by reconciliation');
  expect(note.split('\n')[1]).toMatch(/ reviewed by token:test-operator: station log checked, meter value plausible$/);
  expect(await flagged()).toEqual([stuck[1]]);
  expect((await getTransactionById(t.db, stuck[0]!))?.needsReview).toBe(false);
  const audit = await listAuditEntries(t.db, { action: 'transaction.review' });
  expect(audit).toHaveLength(1);
  expect(audit[0]).toMatchObject({ targetType: 'transaction', targetId: String(stuck[0]), after: { needsReview: false, note: 'station log checked, meter value plausible' } });
});

it('the note is optional; a second review, or one of a session never flagged, is a 409', async () => {
  const plain = await api.call(reviewRoute.POST, { role: 'admin', params: { id: String(stuck[1]) } });
  expect(plain.status).toBe(200);
  expect((plain.body.reviewNote as string).split('\n').at(-1)).toMatch(/reviewed by token:test-admin$/);
  expect(await flagged()).toEqual([]);
  const again = await api.call(reviewRoute.POST, { role: 'admin', params: { id: String(stuck[1]) }, body: {} });
  expect(again).toMatchObject({ status: 409, body: { error: { code: 'not_flagged' } } });
  expect((await api.call(reviewRoute.POST, { role: 'admin', params: { id: String(normal) }, body: {} })).status).toBe(409);
});

it('a viewer is refused, an unknown id is 404, a bad id or an over-long note is a 400 naming the field', async () => {
  expect((await api.call(reviewRoute.POST, { role: 'viewer', params: { id: String(stuck[0]) }, body: {} })).status).toBe(403);
  expect((await api.call(reviewRoute.POST, { role: 'operator', params: { id: '999999' }, body: {} })).status).toBe(404);
  expect((await api.call(reviewRoute.POST, { role: 'operator', params: { id: 'x' }, body: {} })).body.error).toMatchObject({ field: 'id' });
  const long = await api.call(reviewRoute.POST, { role: 'operator', params: { id: String(stuck[0]) }, body: { note: 'x'.repeat(501) } });
  expect(long.status).toBe(400);
  expect(long.body.error).toMatchObject({ field: 'note' });
});
