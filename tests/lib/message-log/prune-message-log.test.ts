import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { insertMessageLogRows, listMessageLog, pruneMessageLog } from '@/lib/db/queries/message-log';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

it('prunes by age, then by row count, oldest first', async () => {
  const day = 86_400_000;
  const now = Date.now();
  const rows = Array.from({ length: 30 }, (_, i) => ({
    at: new Date(now - (30 - i) * day),
    stationId: 'S',
    direction: 'in',
    frame: `[2,"${i}","Heartbeat",{}]`,
  }));
  await insertMessageLogRows(t.db, rows);
  // Older than 10 days: 20 rows go.
  expect(await pruneMessageLog(t.db, { before: new Date(now - 10.5 * day), maxRows: 1000 })).toBe(20);
  // Keep the newest 4.
  expect(await pruneMessageLog(t.db, { before: new Date(0), maxRows: 4 })).toBe(6);
  const left = await listMessageLog(t.db, { stationId: 'S' });
  expect(left.map((row) => row.frame)).toEqual([29, 28, 27, 26].map((i) => `[2,"${i}","Heartbeat",{}]`));
});
