import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { at, connection, status } from '../lib/analytics/scenario';
import { addStations } from '../lib/billing/fixtures';

const run = promisify(execFile);

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

it('`analytics rebuild` recomputes the rollups from the raw rows and says how much it did', async () => {
  await addStations(t.db, 'RB-1');
  await connection(t.db, 'RB-1', '2026-11-01T10:00:00', '2026-11-01T12:00:00');
  await status(t.db, 'RB-1', 'Available', '2026-11-01T10:00:00');
  const { stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', 'analytics', 'rebuild'], { env: { ...process.env, DATABASE_URL: t.url } });
  expect(stderr).toMatch(/rebuilt the analytics rollups: [\d,]+ hours, [\d,]+ hourly rows in [\d.]+ s/);
  const [row] = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from connector_hourly_stats where station_id = 'RB-1' and hour_start = ${at('2026-11-01T10:00:00').toISOString()}::timestamptz`);
  expect(row!.n).toBe(1);
});
