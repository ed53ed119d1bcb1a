import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { systemActor } from '@/lib/auth/roles';
import { createDriver } from '@/lib/drivers/create-driver';
import { getDriverById } from '@/lib/db/queries/drivers';
import { getDriverBySessionHash } from '@/lib/db/queries/driver-accounts';
import { listDriverIdTags } from '@/lib/db/queries/id-tags';
import { eq } from 'drizzle-orm';
import { getBus } from '@/lib/bus/get-bus';
import { auditLog } from '@/lib/db/schema';
import type { Driver } from '@/lib/db/schema';
import { signInDriver } from '@/lib/driver-portal/driver-sign-in';
import { signUpDriver } from '@/lib/driver-portal/driver-sign-up';
import { verifyDriverEmail } from '@/lib/driver-portal/link-tokens';
import { addOwnIdTag, MAX_DRIVER_TAGS, MAX_TAKEN_CARD_ATTEMPTS } from '@/lib/driver-portal/add-own-id-tag';
import { authorizeIdTag } from '@/lib/id-tags/authorize-id-tag';
import { createIdTag } from '@/lib/id-tags/create-id-tag';
import { stations } from '@/lib/db/schema';
import { driverSignUpSchema } from '@/lib/driver-portal/schemas';
import { isSelfSignUpOpen, setSelfSignUpOpen } from '@/lib/driver-portal/self-sign-up-setting';
import { hashSecretToken } from '@/lib/driver-portal/secret-token';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url; // createIdTag publishes idTag.updated on the process bus
  const olga = await createDriver(t.db, systemActor, { name: 'Olga Operator-Made', email: 'olga@example.com', status: 'active' });
  await createIdTag(t.db, systemActor, { idTag: 'OLGA-CARD-1', status: 'Accepted', driverId: olga.id });
  await t.db.insert(stations).values({ id: 'CARD-ST' });
});
afterAll(async () => {
  await getBus().close();
  const { getDb } = await import('@/lib/db/client');
  await getDb().$client.end();
  await t?.drop();
});

describe('driver self sign-up', () => {
  it('creates an active driver with an app tag, signed in, whose password then signs in', async () => {
    const { driverId, appTag, session } = await signUpDriver(t.db, { origin: 'https://charge.example.com', name: ' Sam Self ', email: 'Sam@Example.com', password: 'sam secret 1234', ip: '10' });
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
      const error = await signUpDriver(t.db, { origin: 'https://charge.example.com', name: 'Mallory', email, password: 'mallory secret 1', ip: '11' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 409, field: 'email', message: 'An account with this email already exists. Sign in, or use "Forgot your password?".' });
    }
    // Nothing was created or changed: Sam still signs in with his own password.
    await signInDriver(t.db, { email: 'sam@example.com', password: 'sam secret 1234', ip: '12' });
  });

  it('is rate-limited like sign-in: five tries on a registered email, then 429', async () => {
    for (let i = 0; i < 4; i++) await expect(signUpDriver(t.db, { origin: 'https://charge.example.com', name: 'M', email: 'olga@example.com', password: 'mallory secret 1', ip: '13' })).rejects.toMatchObject({ status: 409 });
    // One failure in the earlier test and four here: the sixth is refused before any lookup.
    await expect(signUpDriver(t.db, { origin: 'https://charge.example.com', name: 'M', email: 'olga@example.com', password: 'mallory secret 1', ip: '13' })).rejects.toMatchObject({ status: 429 });
    await expect(signInDriver(t.db, { email: 'olga@example.com', password: 'anything', ip: '14' })).rejects.toMatchObject({ status: 429 });
  });

  it('can be closed by an admin only (audited); closed, it refuses; reopened, it works', async () => {
    const operator = { type: 'user' as const, id: 'op', label: 'user:op', role: 'operator' as const };
    await expect(setSelfSignUpOpen(t.db, operator, false)).rejects.toMatchObject({ status: 403 });
    expect(await isSelfSignUpOpen(t.db)).toBe(true);
    await setSelfSignUpOpen(t.db, systemActor, false);
    await expect(signUpDriver(t.db, { origin: 'https://charge.example.com', name: 'Late', email: 'late@example.com', password: 'late secret 1234', ip: '15' })).rejects.toMatchObject({ status: 403, code: 'sign_up_closed' });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'settings.update'));
    expect(audit.map((row) => [row.before, row.after])).toEqual([[{ driverSelfSignUp: true }, { driverSelfSignUp: false }]]);
    await setSelfSignUpOpen(t.db, systemActor, true);
    await signUpDriver(t.db, { origin: 'https://charge.example.com', name: 'Late', email: 'late@example.com', password: 'late secret 1234', ip: '15' });
  });

  it('asks for a name, a valid email and at least 12 characters of password', () => {
    const result = driverSignUpSchema.safeParse({ name: ' ', email: 'nope', password: 'eleven char' });
    expect(result.success).toBe(false);
    expect(Object.keys(result.error!.flatten().fieldErrors).sort()).toEqual(['email', 'name', 'password']);
    expect(driverSignUpSchema.safeParse({ name: 'A', email: 'a@example.com', password: 'twelve chars' }).success).toBe(true);
  });
});

describe('a driver adds their own RFID card', () => {
  let kim: Driver;
  beforeAll(async () => {
    const { driverId, verificationLink } = await signUpDriver(t.db, { origin: 'https://charge.example.com', name: 'Kim', email: 'kim@example.com', password: 'kim secret 12345', ip: '20' });
    await verifyDriverEmail(t.db, verificationLink!.split('/').at(-1)!);
    kim = (await getDriverById(t.db, driverId))!;
  });

  it('registers it as the driver’s, accepted by stations at once, audited as theirs', async () => {
    const tag = await addOwnIdTag(t.db, kim, ' 04A2B3C4D5E6F7 ');
    expect(tag).toMatchObject({ idTag: '04A2B3C4D5E6F7', status: 'Accepted' });
    expect((await listDriverIdTags(t.db, kim.id)).map((row) => row.idTag)).toContain('04A2B3C4D5E6F7');
    expect((await authorizeIdTag(t.db, { idTag: '04A2B3C4D5E6F7', stationId: 'CARD-ST', now: new Date() })).status).toBe('Accepted');
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.targetId, '04A2B3C4D5E6F7'));
    expect(audit.map((row) => [row.action, row.actorType, row.actorId])).toEqual([['id_tag.create', 'driver', kim.id]]);
  });

  it('refuses a card registered to someone else without saying whose, and its own twice', async () => {
    const error = await addOwnIdTag(t.db, kim, 'OLGA-CARD-1').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, field: 'idTag', message: 'This card number is already registered. If the card is yours, contact the operator.' });
    expect(String((error as Error).message)).not.toMatch(/olga/i);
    await expect(addOwnIdTag(t.db, kim, '04A2B3C4D5E6F7')).rejects.toMatchObject({ status: 400, field: 'idTag', message: 'This card is already on your account.' });
  });

  it('after 5 numbers registered to someone else in an hour, waits before trying more (no probing for cards to copy)', async () => {
    const { driverId, verificationLink } = await signUpDriver(t.db, { origin: 'https://charge.example.com', name: 'Lou', email: 'lou@example.com', password: 'lou secret 12345', ip: '21' });
    await verifyDriverEmail(t.db, verificationLink!.split('/').at(-1)!);
    const lou = (await getDriverById(t.db, driverId))!;
    const at = (minutes: number) => new Date(Date.parse('2026-11-27T12:00:00Z') + minutes * 60_000);
    for (let minute = 0; minute < MAX_TAKEN_CARD_ATTEMPTS; minute++) {
      await expect(addOwnIdTag(t.db, lou, 'OLGA-CARD-1', at(minute))).rejects.toMatchObject({ status: 400, field: 'idTag' });
    }
    // Even a free number waits now; Kim is not affected.
    await expect(addOwnIdTag(t.db, lou, 'LOU-CARD-1', at(10))).rejects.toMatchObject({
      status: 429,
      message: 'You entered 5 card numbers registered to someone else in the last hour. Try again in 50 minutes, or contact the operator.',
    });
    expect((await listDriverIdTags(t.db, lou.id)).map((tag) => tag.idTag)).not.toContain('LOU-CARD-1');
    expect(await addOwnIdTag(t.db, lou, 'LOU-CARD-1', at(61))).toMatchObject({ idTag: 'LOU-CARD-1', status: 'Accepted' });
  });

  it('refuses values too long or with forbidden characters, and more than the account may hold', async () => {
    await expect(addOwnIdTag(t.db, kim, '123456789012345678901')).rejects.toThrow(/at most 20 characters/);
    await expect(addOwnIdTag(t.db, kim, 'ABC/DEF')).rejects.toThrow(/may contain only/);
    const held = (await listDriverIdTags(t.db, kim.id)).length;
    for (let i = held; i < MAX_DRIVER_TAGS; i++) await addOwnIdTag(t.db, kim, `KIM-${i}`);
    await expect(addOwnIdTag(t.db, kim, 'KIM-ONE-TOO-MANY')).rejects.toMatchObject({ status: 400, field: 'idTag' });
    expect(await listDriverIdTags(t.db, kim.id)).toHaveLength(MAX_DRIVER_TAGS);
  });
});
