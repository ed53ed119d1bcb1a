import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { logged } from '../../support/console-lines';
import { commandDeps } from '../../support/command-deps';
import { systemActor } from '@/lib/auth/roles';
import { getBus } from '@/lib/bus/get-bus';
import { createDriver } from '@/lib/drivers/create-driver';
import { getDriverById } from '@/lib/db/queries/drivers';
import { getDriverAccount } from '@/lib/db/queries/driver-accounts';
import { driverLinkTokens, stations, type Driver } from '@/lib/db/schema';
import { getDriverConnectorView } from '@/lib/driver-portal/connector-view';
import { addOwnIdTag } from '@/lib/driver-portal/add-own-id-tag';
import { setDriverPassword } from '@/lib/driver-portal/driver-sign-in';
import { signUpDriver } from '@/lib/driver-portal/driver-sign-up';
import { inviteDriver, isDriverEmailVerified, requestPasswordReset, sendEmailVerification, verifyDriverEmail } from '@/lib/driver-portal/link-tokens';
import { hashSecretToken } from '@/lib/driver-portal/secret-token';
import { resendEmailVerification } from '@/lib/driver-portal/resend-verification';
import { countAttemptsSince } from '@/lib/db/queries/login-attempts';
import { startCharging } from '@/lib/driver-portal/start-charging';

let t: TestDatabase;
let deps: ReturnType<typeof commandDeps>;
let vera: Driver;
let firstLink: string;
const origin = 'https://charge.example.com';
const tokenOf = (link: string) => link.split('/').at(-1)!;
const signedUpAt = new Date('2026-11-27T10:00:00Z');

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url; // addOwnIdTag publishes idTag.updated on the process bus
  deps = commandDeps(t.db);
  const { result, lines } = await logged(() => signUpDriver(t.db, { origin, name: 'Vera', email: 'vera@example.com', password: 'vera secret 1234', ip: '1' }, signedUpAt));
  vera = (await getDriverById(t.db, result.driverId))!;
  firstLink = result.verificationLink!;
  expect(lines).toEqual([`[driver-portal] email verification for vera@example.com: ${firstLink}`]);
});
afterAll(async () => {
  await deps.close();
  await getBus().close();
  const { getDb } = await import('@/lib/db/client');
  await getDb().$client.end();
  await t?.drop();
});

describe('email verification after self sign-up', () => {
  it('logs a one-time link stored only as a hash, valid for 24 hours', async () => {
    expect(firstLink).toMatch(/^https:\/\/charge\.example\.com\/driver\/verify\/[A-Za-z0-9_-]{43}$/);
    const rows = await t.db.select().from(driverLinkTokens).where(eq(driverLinkTokens.driverId, vera.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ purpose: 'verify', tokenHash: hashSecretToken(tokenOf(firstLink)), usedAt: null });
    expect(rows[0]!.tokenHash).not.toContain(tokenOf(firstLink));
    expect(rows[0]!.expiresAt.getTime() - signedUpAt.getTime()).toBe(24 * 3600_000);
    expect(await isDriverEmailVerified(t.db, vera.id)).toBe(false);
  });

  it('until verified, the driver can neither start charging nor add a card', async () => {
    await expect(startCharging(deps, vera, { stationId: 'NO-SUCH-STATION', connectorId: 1 })).rejects.toMatchObject({ status: 403, code: 'email_not_verified' });
    await expect(addOwnIdTag(t.db, vera, 'CARD1234')).rejects.toMatchObject({ status: 403, code: 'email_not_verified' });
  });

  it('the link cannot set a password, and is refused once expired', async () => {
    await expect(setDriverPassword(t.db, { token: tokenOf(firstLink), password: 'hijacked password' })).rejects.toMatchObject({ status: 400, field: 'token' });
    const afterExpiry = new Date(signedUpAt.getTime() + 24 * 3600_000 + 1);
    await expect(verifyDriverEmail(t.db, tokenOf(firstLink), afterExpiry)).rejects.toMatchObject({ status: 400, field: 'token' });
    expect(await isDriverEmailVerified(t.db, vera.id)).toBe(false);
  });

  it('"send the link again" gives a new link; opening it verifies, once', async () => {
    const { result: second, lines } = await logged(() => sendEmailVerification(t.db, vera, origin));
    expect(second).not.toBe(firstLink);
    expect(lines).toEqual([`[driver-portal] email verification for vera@example.com: ${second}`]);
    const at = new Date();
    expect(await verifyDriverEmail(t.db, tokenOf(second!), at)).toBe(vera.id);
    expect((await getDriverAccount(t.db, vera.id))?.emailVerifiedAt).toEqual(at);
    await expect(verifyDriverEmail(t.db, tokenOf(second!))).rejects.toMatchObject({ status: 400, field: 'token' });
    // Verified: no more links, and the card is accepted.
    expect(await sendEmailVerification(t.db, vera, origin)).toBeNull();
    expect(await addOwnIdTag(t.db, vera, 'CARD1234')).toMatchObject({ idTag: 'CARD1234', status: 'Accepted' });
    // Starting goes past the verification check to the next one.
    await expect(startCharging(deps, vera, { stationId: 'NO-SUCH-STATION', connectorId: 1 })).rejects.toMatchObject({ status: 404 });
  });

  it('an invited driver is verified by accepting the invitation', async () => {
    const driver = await createDriver(t.db, systemActor, { name: 'Ian', email: 'ian@example.com', status: 'active' });
    const { result: link } = await logged(() => inviteDriver(t.db, systemActor, { driverId: driver.id, origin }));
    expect(await isDriverEmailVerified(t.db, driver.id)).toBe(false);
    await setDriverPassword(t.db, { token: tokenOf(link), password: 'ian secret 12345' });
    expect(await isDriverEmailVerified(t.db, driver.id)).toBe(true);
  });
});

describe('"send the link again" is limited per account and per address', () => {
  const signUp = async (name: string, ip: string) => {
    const { result } = await logged(() => signUpDriver(t.db, { origin, name, email: `${name}@example.com`, password: 'long enough secret', ip }, signedUpAt));
    return (await getDriverById(t.db, result.driverId))!;
  };
  const minutesAfter = (minutes: number) => new Date(signedUpAt.getTime() + minutes * 60_000);
  const resend = (driver: Driver, ip: string, at: Date) => logged(() => resendEmailVerification(t.db, driver, { ip, origin }, at)).then(({ result }) => result);

  it('three links an hour per driver, then says when to try again; the oldest leaving the hour frees one', async () => {
    const rita = await signUp('rita', '10.0.0.1');
    for (const minute of [0, 1, 2]) expect(await resend(rita, '10.0.0.1', minutesAfter(minute))).toMatch(/\/driver\/verify\//);
    const refused = { status: 429, code: 'rate_limited', message: 'You asked for 3 new links in the last hour. Try again in 50 minutes, or open the last link we sent.' };
    await expect(resend(rita, '10.0.0.1', minutesAfter(10))).rejects.toMatchObject(refused);
    // Another address does not help: the limit is the account's.
    await expect(resend(rita, '10.0.0.99', minutesAfter(10))).rejects.toMatchObject(refused);
    await expect(resend(rita, '10.0.0.1', minutesAfter(59.5))).rejects.toMatchObject({ message: expect.stringContaining('Try again in 1 minute,') });
    // A refused request is not counted: at 60 minutes the first one has left the window.
    expect(await resend(rita, '10.0.0.1', minutesAfter(60))).toMatch(/\/driver\/verify\//);
    const tokens = await t.db.select().from(driverLinkTokens).where(eq(driverLinkTokens.driverId, rita.id));
    expect(tokens).toHaveLength(1 + 4); // the sign-up link and the four that were sent
  });

  it('ten links an hour per address, whichever accounts ask', async () => {
    const drivers = await Promise.all(['ada', 'bea', 'cem', 'dan'].map((name) => signUp(name, '10.0.0.2')));
    let sent = 0;
    for (const driver of drivers.slice(0, 3)) for (let i = 0; i < 3; i++) sent += (await resend(driver, '10.0.0.2', minutesAfter(5 + sent))) ? 1 : 0;
    expect(await resend(drivers[3]!, '10.0.0.2', minutesAfter(20))).toBeTruthy();
    expect(sent + 1).toBe(10);
    await expect(resend(drivers[3]!, '10.0.0.2', minutesAfter(21))).rejects.toMatchObject({ status: 429, message: 'Too many links were asked for from your network. Try again in 44 minutes.' });
    // The same driver from another address is still within their own limit.
    expect(await resend(drivers[3]!, '10.0.0.3', minutesAfter(21))).toBeTruthy();
  });

  it('"forgot password" is limited the same way, alike for a registered and an unknown email', async () => {
    const reset = (email: string, ip: string, minute: number) => logged(() => requestPasswordReset(t.db, { email, origin, ip }, minutesAfter(minute)));
    let links = 0;
    for (const email of ['vera@example.com', 'nobody@example.com']) {
      for (const minute of [0, 1, 2]) links += (await reset(email, `10.1.0.${minute}`, minute)).lines.length;
      await expect(reset(email.toUpperCase(), '10.1.0.9', 30)).rejects.toMatchObject({
        status: 429,
        message: 'A reset link was asked for 3 times in the last hour for this email. Try again in 30 minutes, or open the last link.',
      });
    }
    expect(links).toBe(3); // only the registered email got links
    // Ten an hour per address.
    for (let i = 0; i < 10; i++) await reset(`someone${i}@example.com`, '10.1.1.1', 10);
    await expect(reset('someone-else@example.com', '10.1.1.1', 11)).rejects.toMatchObject({ status: 429, message: 'Too many reset links were asked for from your network. Try again in 59 minutes.' });
  });

  it('a verified driver gets no link, and the request is not counted', async () => {
    expect(await resend(vera, '10.0.0.4', minutesAfter(0))).toBeNull();
    expect(await countAttemptsSince(t.db, { email: `verify-link:${vera.id}` }, minutesAfter(-1))).toEqual({ count: 0, first: null });
  });
});

it('the connector page knows up front whether the signed-in driver may start: emailVerified in its view', async () => {
  await t.db.insert(stations).values({ id: 'VERIFY-1' });
  const view = (driverId: string | null) => getDriverConnectorView(t.db, { stationId: 'VERIFY-1', connectorId: 1, driverId, now: new Date() }).then((v) => v?.emailVerified);
  const unverified = await signUpDriver(t.db, { origin, name: 'Uma', email: 'uma@example.com', password: 'long enough secret', ip: '10.0.0.9' });
  expect(await view(unverified.driverId)).toBe(false);
  expect(await view(vera.id)).toBe(true);
  expect(await view(null)).toBeNull();
});
