import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { insertLoginAttempt } from '@/lib/db/queries/login-attempts';
import { LOGIN_ATTEMPTS_KEPT_MS, pruneLoginAttempts } from '@/lib/auth/prune-login-attempts';
import { LOGIN_LIMITS } from '@/lib/auth/authenticate-password';
import { LINK_REQUEST_LIMITS } from '@/lib/driver-portal/link-request-limit';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

it('drops attempts older than a day and keeps everything a rate limit still looks at', async () => {
  const now = new Date('2026-11-27T12:00:00Z');
  const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
  for (const [email, at] of [['old@example.com', ago(25)], ['hour@example.com', ago(1)], ['day@example.com', ago(23)], ['now@example.com', now]] as const) {
    await insertLoginAttempt(t.db, { email, ip: '192.0.2.1', succeeded: false, at });
  }
  await pruneLoginAttempts(t.db, now);
  const kept = await t.db.execute<{ email: string }>(sql`select email from login_attempts order by at`);
  expect(kept.map((row) => row.email)).toEqual(['day@example.com', 'hour@example.com', 'now@example.com']);
  expect(LOGIN_ATTEMPTS_KEPT_MS).toBeGreaterThanOrEqual(Math.max(LOGIN_LIMITS.windowMs, LINK_REQUEST_LIMITS.windowMs));
});
