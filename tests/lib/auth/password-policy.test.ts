import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { systemActor } from '@/lib/auth/roles';
import { PASSWORD_MIN_LENGTH, passwordSchema } from '@/lib/auth/password-policy';
import { createDriver } from '@/lib/drivers/create-driver';
import { inviteDriver, requestPasswordReset } from '@/lib/driver-portal/link-tokens';
import { setDriverPassword, signInDriver } from '@/lib/driver-portal/driver-sign-in';
import { signUpDriver } from '@/lib/driver-portal/driver-sign-up';
import { driverSignUpSchema, setDriverPasswordSchema } from '@/lib/driver-portal/schemas';
import { createFirstAdmin } from '@/lib/users/create-first-admin';
import { createUser } from '@/lib/users/create-user';
import { createUserSchema } from '@/lib/users/schemas';

let t: TestDatabase;
const origin = 'https://charge.example.com';
const eleven = 'eleven char';
const twelve = 'twelve chars';
const tokenOf = (link: string) => link.split('/').at(-1)!;

async function capturedLink(run: () => Promise<unknown>): Promise<string> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  try {
    await run();
  } finally {
    log.mockRestore();
  }
  return lines.at(-1)!.split(': ')[1]!;
}

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe('one password policy', () => {
  it('is 12 characters for every form that sets a password, naming the password field', () => {
    expect(eleven).toHaveLength(PASSWORD_MIN_LENGTH - 1);
    expect(passwordSchema.safeParse(eleven).success).toBe(false);
    expect(passwordSchema.safeParse(twelve).success).toBe(true);
    const forms = [
      (password: string) => driverSignUpSchema.safeParse({ name: 'A', email: 'a@example.com', password }),
      (password: string) => setDriverPasswordSchema.safeParse({ token: 'x'.repeat(43), password, confirm: password }),
      (password: string) => createUserSchema.safeParse({ email: 'a@example.com', name: 'A', password, role: 'viewer' }),
    ];
    for (const parse of forms) {
      const refused = parse(eleven);
      expect(refused.success).toBe(false);
      expect(refused.error!.flatten().fieldErrors).toEqual({ password: ['must be at least 12 characters'] });
      expect(parse(twelve).success).toBe(true);
    }
  });

  it('driver self sign-up refuses 11 characters with a 400 on the password field', async () => {
    await expect(signUpDriver(t.db, { origin: 'https://charge.example.com', name: 'Sam', email: 'sam@example.com', password: eleven, ip: '1' })).rejects.toMatchObject({ status: 400, field: 'password' });
    await signUpDriver(t.db, { origin: 'https://charge.example.com', name: 'Sam', email: 'sam@example.com', password: twelve, ip: '1' });
  });

  it('an invitation link refuses 11 characters and stays usable', async () => {
    const driver = await createDriver(t.db, systemActor, { name: 'Ivy', email: 'ivy@example.com', status: 'active' });
    const link = await capturedLink(() => inviteDriver(t.db, systemActor, { driverId: driver.id, origin }));
    await expect(setDriverPassword(t.db, { token: tokenOf(link), password: eleven })).rejects.toMatchObject({ status: 400, field: 'password' });
    await setDriverPassword(t.db, { token: tokenOf(link), password: twelve });
    await signInDriver(t.db, { email: 'ivy@example.com', password: twelve, ip: '2' });
  });

  it('a reset link refuses 11 characters and stays usable', async () => {
    const link = await capturedLink(() => requestPasswordReset(t.db, { email: 'ivy@example.com', origin, ip: '4' }));
    expect(link).toContain('/driver/reset/');
    await expect(setDriverPassword(t.db, { token: tokenOf(link), password: eleven })).rejects.toMatchObject({ status: 400, field: 'password' });
    await setDriverPassword(t.db, { token: tokenOf(link), password: 'ivy new password' });
    await signInDriver(t.db, { email: 'ivy@example.com', password: 'ivy new password', ip: '3' });
  });

  it('operator accounts (first admin, new user) follow the same rule', async () => {
    await expect(createFirstAdmin(t.db, { email: 'root@example.com', name: 'Root', password: eleven })).rejects.toMatchObject({ status: 400, field: 'password' });
    await createFirstAdmin(t.db, { email: 'root@example.com', name: 'Root', password: twelve });
    await expect(createUser(t.db, systemActor, { email: 'op@example.com', name: 'Op', password: eleven, role: 'operator' })).rejects.toMatchObject({ status: 400, field: 'password' });
    await createUser(t.db, systemActor, { email: 'op@example.com', name: 'Op', password: twelve, role: 'operator' });
  });
});
