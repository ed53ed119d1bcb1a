import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { authenticatePassword, LOGIN_LIMITS } from '@/lib/auth/authenticate-password';
import { createFirstAdmin } from '@/lib/users/create-first-admin';
import { getUserByEmail } from '@/lib/db/queries/users';

let t: TestDatabase;
const password = 'a long enough password';
beforeAll(async () => {
  t = await createTestDatabase();
  await createFirstAdmin(t.db, { email: 'admin@example.com', name: 'Admin', password });
});
afterAll(() => t.drop());

describe('authenticatePassword', () => {
  it('stores an argon2id hash, never the password', async () => {
    const user = await getUserByEmail(t.db, 'admin@example.com');
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user?.passwordHash).not.toContain(password);
  });

  it('accepts the right password and records the login', async () => {
    const result = await authenticatePassword(t.db, { email: 'ADMIN@example.com', password, ip: '10.0.0.1' });
    expect(result).toMatchObject({ ok: true, user: { email: 'admin@example.com' } });
    expect((await getUserByEmail(t.db, 'admin@example.com'))?.lastLoginAt).toBeInstanceOf(Date);
  });

  it('gives the same answer for a wrong password and an unknown account', async () => {
    expect(await authenticatePassword(t.db, { email: 'admin@example.com', password: 'wrong', ip: '10.0.0.2' })).toEqual({ ok: false, reason: 'invalid_credentials' });
    expect(await authenticatePassword(t.db, { email: 'nobody@example.com', password, ip: '10.0.0.2' })).toEqual({ ok: false, reason: 'invalid_credentials' });
  });

  it('rate-limits an account after repeated failures, even with the right password, until the window passes', async () => {
    const now = new Date('2026-01-01T12:00:00Z');
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      await authenticatePassword(t.db, { email: 'admin@example.com', password: 'wrong', ip: `10.1.0.${i}` }, now);
    }
    expect(await authenticatePassword(t.db, { email: 'admin@example.com', password, ip: '10.1.1.1' }, now)).toEqual({ ok: false, reason: 'rate_limited' });
    const later = new Date(now.getTime() + LOGIN_LIMITS.windowMs + 1000);
    expect(await authenticatePassword(t.db, { email: 'admin@example.com', password, ip: '10.1.1.1' }, later)).toMatchObject({ ok: true });
  });

  it('rate-limits a client address that tries many accounts', async () => {
    const now = new Date('2026-02-01T12:00:00Z');
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++) {
      await authenticatePassword(t.db, { email: `guess${i}@example.com`, password: 'x', ip: '192.0.2.7' }, now);
    }
    expect(await authenticatePassword(t.db, { email: 'admin@example.com', password, ip: '192.0.2.7' }, now)).toEqual({ ok: false, reason: 'rate_limited' });
    expect(await authenticatePassword(t.db, { email: 'admin@example.com', password, ip: '192.0.2.8' }, now)).toMatchObject({ ok: true });
  });
});
