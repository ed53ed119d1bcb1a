import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { logged } from '../../support/console-lines';
import { routeClient } from '../sites/route-client';
import { systemActor, type Actor } from '@/lib/auth/roles';
import { getBus } from '@/lib/bus/get-bus';
import { listAuditEntries } from '@/lib/db/queries/audit-log';
import { createDriver } from '@/lib/drivers/create-driver';
import { importDrivers } from '@/lib/drivers/import-drivers';
import { markEmailVerifiedByAdmin } from '@/lib/drivers/driver-email-verification';
import { setDriverPassword } from '@/lib/driver-portal/driver-sign-in';
import { signUpDriver } from '@/lib/driver-portal/driver-sign-up';
import { inviteDriver, isDriverEmailVerified, requestPasswordReset, verifyDriverEmail } from '@/lib/driver-portal/link-tokens';
import * as driverRoute from '@/app/api/v1/drivers/[id]/route';
import * as verificationRoute from '@/app/api/v1/drivers/[id]/email-verification/route';

// An operator changing a driver's email: the verified mark was for the old address and goes; a
// driver who signs in to the portal gets a link at the new one; an admin may vouch for an email.
let t: TestDatabase;
let api: Awaited<ReturnType<typeof routeClient>>;
const origin = 'https://charge.example.com';
const tokenOf = (link: string) => link.split('/').at(-1)!;

/** A self-signed-up driver who opened the verification link. */
async function verifiedSelfSignUp(name: string) {
  const { result } = await logged(() => signUpDriver(t.db, { origin, name, email: `${name}@example.com`, password: 'long enough secret', ip: name }));
  await verifyDriverEmail(t.db, tokenOf(result.verificationLink!));
  expect(await isDriverEmailVerified(t.db, result.driverId)).toBe(true);
  return result.driverId;
}

const patch = (id: string, body: unknown) => logged(() => api.call(driverRoute.PATCH, { role: 'operator', params: { id }, body }));

beforeAll(async () => {
  t = await createTestDatabase();
  api = await routeClient(t);
});
afterAll(async () => {
  await getBus().close();
  await api?.close();
  await t?.drop();
});

describe('an operator changes a driver’s email', () => {
  it('clears the verified mark, sends a link to the new address, and spends the links sent to the old one', async () => {
    const id = await verifiedSelfSignUp('sam');
    const { lines: resetLines } = await logged(() => requestPasswordReset(t.db, { email: 'sam@example.com', origin, ip: 'sam' }));
    const resetLink = resetLines[0]!.split(': ')[1]!;

    const { result: response, lines } = await patch(id, { email: 'Sam.New@Example.com' });
    expect(response).toMatchObject({ status: 200, body: { email: 'sam.new@example.com' } });
    expect(await isDriverEmailVerified(t.db, id)).toBe(false);
    expect(lines).toHaveLength(1);
    const [, link] = lines[0]!.match(/^\[driver-portal\] email verification for sam\.new@example\.com: (http:\/\/localhost\/driver\/verify\/\S+)$/)!;
    // The reset link went to the old address: it no longer sets a password.
    await expect(setDriverPassword(t.db, { token: tokenOf(resetLink), password: 'taken over account' })).rejects.toMatchObject({ status: 400, field: 'token' });
    const detail = await api.call(driverRoute.GET, { role: 'viewer', params: { id } });
    expect(detail.body.emailVerifiedAt).toBeNull();
    const [audit] = (await listAuditEntries(t.db, { targetType: 'driver' })).filter((entry) => entry.targetId === id && entry.action === 'driver.update');
    expect(audit?.detail).toBe('Email changed: its verification is cleared');

    await verifyDriverEmail(t.db, tokenOf(link!));
    expect(await isDriverEmailVerified(t.db, id)).toBe(true);
  });

  it('keeps the mark when the email is the same (any case) or another field changes', async () => {
    const id = await verifiedSelfSignUp('kim');
    const { lines } = await patch(id, { email: 'KIM@example.com', phone: '+49 30 1234567' });
    expect(lines).toEqual([]);
    expect((await patch(id, { name: 'Kim K' })).lines).toEqual([]);
    expect(await isDriverEmailVerified(t.db, id)).toBe(true);
  });

  it('an invited driver who has not set a password yet gets no link, and the old invitation is spent', async () => {
    const driver = await createDriver(t.db, systemActor, { name: 'Ian', email: 'ian@example.com', status: 'active' });
    const { result: invitation } = await logged(() => inviteDriver(t.db, systemActor, { driverId: driver.id, origin }));
    expect((await patch(driver.id, { email: 'ian@elsewhere.example' })).lines).toEqual([]);
    await expect(setDriverPassword(t.db, { token: tokenOf(invitation), password: 'ian secret 12345' })).rejects.toMatchObject({ status: 400, field: 'token' });
  });

  it('a CSV import that changes the email clears the mark too', async () => {
    const id = await verifiedSelfSignUp('cy');
    const report = await importDrivers(t.db, systemActor, `id,name,email,status\n${id},Cy,cy@new.example,active\n`);
    expect(report).toMatchObject({ ok: true, updated: 1 });
    expect(await isDriverEmailVerified(t.db, id)).toBe(false);
  });
});

describe('an admin marks an email verified', () => {
  it('only an admin, audited, and the driver may charge from the phone at once', async () => {
    const id = await verifiedSelfSignUp('ada');
    await patch(id, { email: 'ada@fleet.example' });
    expect(await isDriverEmailVerified(t.db, id)).toBe(false);

    const asOperator = await api.call(verificationRoute.POST, { role: 'operator', params: { id } });
    expect(asOperator.status).toBe(403);
    const operator: Actor = { type: 'user', id: null, label: 'olga', role: 'operator' };
    await expect(markEmailVerifiedByAdmin(t.db, operator, id)).rejects.toMatchObject({ status: 403 });
    expect(await isDriverEmailVerified(t.db, id)).toBe(false);

    const asAdmin = await api.call(verificationRoute.POST, { role: 'admin', params: { id } });
    expect(asAdmin).toMatchObject({ status: 200, body: { emailVerifiedAt: expect.any(String) } });
    expect(await isDriverEmailVerified(t.db, id)).toBe(true);
    const detail = await api.call(driverRoute.GET, { role: 'viewer', params: { id } });
    expect(detail.body.emailVerifiedAt).toBe(asAdmin.body.emailVerifiedAt);
    const audits = (await listAuditEntries(t.db, { targetType: 'driver' })).filter((entry) => entry.targetId === id && entry.action === 'driver.email_verified');
    expect(audits.map((entry) => entry.detail)).toEqual(['ada@fleet.example marked verified by an admin']);
    // Again: nothing changes, nothing more in the audit log.
    expect((await api.call(verificationRoute.POST, { role: 'admin', params: { id } })).body.emailVerifiedAt).toBe(asAdmin.body.emailVerifiedAt);
    expect((await listAuditEntries(t.db, { targetType: 'driver' })).filter((entry) => entry.targetId === id && entry.action === 'driver.email_verified')).toHaveLength(1);
  });

  it('a driver without an email cannot be marked (400 naming email); an unknown one is 404', async () => {
    const driver = await createDriver(t.db, systemActor, { name: 'No Mail', status: 'active' });
    expect((await api.call(verificationRoute.POST, { role: 'admin', params: { id: driver.id } })).body.error).toMatchObject({ field: 'email' });
    expect((await api.call(verificationRoute.POST, { role: 'admin', params: { id: '00000000-0000-4000-8000-000000000000' } })).status).toBe(404);
  });
});
