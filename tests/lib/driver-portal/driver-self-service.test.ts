import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { systemActor } from '@/lib/auth/roles';
import { createDriver } from '@/lib/drivers/create-driver';
import { getDriverById } from '@/lib/db/queries/drivers';
import { getDriverBySessionHash } from '@/lib/db/queries/driver-accounts';
import { listDriverIdTags } from '@/lib/db/queries/id-tags';
import { eq } from 'drizzle-orm';
import { auditLog } from '@/lib/db/schema';
import { signInDriver } from '@/lib/driver-portal/driver-sign-in';
import { signUpDriver } from '@/lib/driver-portal/driver-sign-up';
import { driverSignUpSchema } from '@/lib/driver-portal/schemas';
import { hashSecretToken } from '@/lib/driver-portal/secret-token';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await createDriver(t.db, systemActor, { name: 'Olga Operator-Made', email: 'olga@example.com', status: 'active' });
});
afterAll(async () => {
  await t?.drop();
});

describe('driver self sign-up', () => {
  it('creates an active driver with an app tag, signed in, whose password then signs in', async () => {
    const { driverId, appTag, session } = await signUpDriver(t.db, { name: ' Sam Self ', email: 'Sam@Example.com', password: 'sam secret 1234', ip: '10' });
    expect(appTag).toMatch(/^APP-[0-9A-F]{12}$/);
    expect(await getDriverById(t.db, driverId)).toMatchObject({ name: 'Sam Self', email: 'sam@example.com', status: 'active' });
    expect((await getDriverBySessionHash(t.db, hashSecretToken(session.token), new Date()))?.id).toBe(driverId);
    expect((await listDriverIdTags(t.db, driverId)).map((tag) => [tag.idTag, tag.status])).toEqual([[appTag, 'Accepted']]);
    await signInDriver(t.db, { email: 'sam@example.com', password: 'sam secret 1234', ip: '10' });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.targetId, driverId));
    expect(audit.map((row) => [row.action, row.actorType])).toEqual([['driver.sign_up', 'driver']]);
  });

  it('refuses a registered email, in any case, saying nothing about its account', async () => {
    for (const email of ['SAM@example.com', 'olga@EXAMPLE.com']) {
      const error = await signUpDriver(t.db, { name: 'Mallory', email, password: 'mallory secret 1', ip: '11' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 409, field: 'email', message: 'An account with this email already exists. Sign in, or use "Forgot your password?".' });
    }
    // Nothing was created or changed: Sam still signs in with his own password.
    await signInDriver(t.db, { email: 'sam@example.com', password: 'sam secret 1234', ip: '12' });
  });

  it('is rate-limited like sign-in: five tries on a registered email, then 429', async () => {
    for (let i = 0; i < 4; i++) await expect(signUpDriver(t.db, { name: 'M', email: 'olga@example.com', password: 'mallory secret 1', ip: '13' })).rejects.toMatchObject({ status: 409 });
    // One failure in the earlier test and four here: the sixth is refused before any lookup.
    await expect(signUpDriver(t.db, { name: 'M', email: 'olga@example.com', password: 'mallory secret 1', ip: '13' })).rejects.toMatchObject({ status: 429 });
    await expect(signInDriver(t.db, { email: 'olga@example.com', password: 'anything', ip: '14' })).rejects.toMatchObject({ status: 429 });
  });

  it('asks for a name, a valid email and at least 12 characters of password', () => {
    const result = driverSignUpSchema.safeParse({ name: ' ', email: 'nope', password: 'eleven char' });
    expect(result.success).toBe(false);
    expect(Object.keys(result.error!.flatten().fieldErrors).sort()).toEqual(['email', 'name', 'password']);
    expect(driverSignUpSchema.safeParse({ name: 'A', email: 'a@example.com', password: 'twelve chars' }).success).toBe(true);
  });
});
