import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { createFirstAdmin } from '@/lib/users/create-first-admin';
import { createUser } from '@/lib/users/create-user';
import { updateUser } from '@/lib/users/update-user';
import { listAuditEntries } from '@/lib/db/queries/audit-log';
import { systemActor } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe('users', () => {
  it('creates the first admin only once', async () => {
    const admin = await createFirstAdmin(t.db, { email: 'Root@Example.com', name: 'Root', password: 'correct horse battery' });
    expect(admin).toMatchObject({ email: 'root@example.com', role: 'admin', active: true });
    await expect(createFirstAdmin(t.db, { email: 'b@example.com', name: 'B', password: 'correct horse battery' })).rejects.toMatchObject({
      status: 409,
      code: 'setup_done',
    });
  });

  it('refuses a duplicate email regardless of case, naming the field', async () => {
    const error = await createUser(t.db, systemActor, { email: 'ROOT@example.com', name: 'X', password: 'correct horse battery', role: 'viewer' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 409, field: 'email' });
  });

  it('never leaves the system without an active admin', async () => {
    const users = await (await import('@/lib/db/queries/users')).listUsers(t.db);
    const admin = users.find((u) => u.role === 'admin')!;
    await expect(updateUser(t.db, systemActor, admin.id, { role: 'operator' })).rejects.toMatchObject({ code: 'last_admin', field: 'role' });
    await expect(updateUser(t.db, systemActor, admin.id, { active: false })).rejects.toMatchObject({ code: 'last_admin', field: 'active' });

    const second = await createUser(t.db, systemActor, { email: 'second@example.com', name: 'Second', password: 'correct horse battery', role: 'admin' });
    const demoted = await updateUser(t.db, systemActor, admin.id, { role: 'viewer' });
    expect(demoted.role).toBe('viewer');
    await expect(updateUser(t.db, systemActor, second.id, { active: false })).rejects.toMatchObject({ code: 'last_admin' });
  });

  it('writes an audit row with before and after for every change', async () => {
    const entries = await listAuditEntries(t.db, { action: 'user.update' });
    expect(entries.map((entry) => entry.result)).toEqual(['failure', 'success', 'failure', 'failure']);
    expect(entries[1]).toMatchObject({ actorType: 'system', before: { role: 'admin' }, after: { role: 'viewer' }, result: 'success' });
    expect(entries[0]).toMatchObject({ after: { active: false }, detail: expect.stringContaining('last active admin') });
    expect((await listAuditEntries(t.db, { action: 'user.create' })).map((e) => e.action).sort()).toEqual(['user.create', 'user.create_first_admin']);
  });
});
