import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { migrateDatabase } from '@/lib/db/migrate';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

it('is idempotent and safe when several processes migrate at once', async () => {
  const before = await t.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  await Promise.all([migrateDatabase(t.url), migrateDatabase(t.url), migrateDatabase(t.url)]);
  const after = await t.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  expect(after[0]).toEqual(before[0]);
  expect(Number(before[0]!.n)).toBeGreaterThan(0);
});
