import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { createLastSeenTracker } from '@/lib/stations/last-seen-tracker';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.execute(sql`insert into stations (id) values ('LS-A'), ('LS-B')`);
});
afterAll(() => t?.drop());

const t0 = Date.parse('2026-11-27T10:00:00Z');
const lastSeen = async () => new Map((await t.db.execute<{ id: string; last_seen_at: string | null }>(sql`select id, last_seen_at from stations where id like 'LS-%'`)).map((r) => [r.id, r.last_seen_at ? new Date(r.last_seen_at).getTime() - t0 : null]));

it('writes each station at most once per resolution, and spreads a fleet seen at once over the next writes', async () => {
  const draws = [0, 0.99];
  const tracker = createLastSeenTracker(t.db, 30_000, () => draws.shift() ?? 0);
  tracker.seen('LS-A', t0);
  tracker.seen('LS-B', t0);
  await tracker.flush();
  expect(await lastSeen()).toEqual(new Map([['LS-A', 0], ['LS-B', 0]]));
  // 16 s later: B (its next write drawn half a resolution early) is due, A is not.
  tracker.seen('LS-A', t0 + 16_000);
  tracker.seen('LS-B', t0 + 16_000);
  await tracker.flush();
  expect(await lastSeen()).toEqual(new Map([['LS-A', 0], ['LS-B', 16_000]]));
  // 30 s after its write A is due again.
  tracker.seen('LS-A', t0 + 30_000);
  await tracker.flush();
  expect((await lastSeen()).get('LS-A')).toBe(30_000);
});
