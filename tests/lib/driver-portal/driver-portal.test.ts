import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../../support/ocpp-server';
import { boot, connectStation } from '../../support/ocpp-client';
import { commandDeps, waitOnline } from '../../support/command-deps';
import { eventually } from '../../support/eventually';
import { systemActor } from '@/lib/auth/roles';
import { getBus } from '@/lib/bus/get-bus';
import { createDriver } from '@/lib/drivers/create-driver';
import { createIdTag } from '@/lib/id-tags/create-id-tag';
import { getDriverById } from '@/lib/db/queries/drivers';
import { ensureDriverAccount, getDriverBySessionHash, markDriverEmailVerified } from '@/lib/db/queries/driver-accounts';
import { getCommandById } from '@/lib/db/queries/commands';
import { listDriverIdTags } from '@/lib/db/queries/id-tags';
import { inviteDriver, requestPasswordReset } from '@/lib/driver-portal/link-tokens';
import { setDriverPassword, signInDriver } from '@/lib/driver-portal/driver-sign-in';
import { hashSecretToken } from '@/lib/driver-portal/secret-token';
import { getDriverConnectorView } from '@/lib/driver-portal/connector-view';
import { startCharging } from '@/lib/driver-portal/start-charging';
import { stopCharging } from '@/lib/driver-portal/stop-charging';
import { getDriverReceipt, listDriverSessions } from '@/lib/driver-portal/driver-history';
import { anonymiseDriver, exportDriverData } from '@/lib/driver-portal/driver-privacy';
import { blockOwnIdTag } from '@/lib/driver-portal/block-own-id-tag';
import { createWallet, topUpWallet } from '@/lib/wallets/wallet-ledger';
import { safePortalPath } from '@/lib/driver-portal/safe-next';
import type { Driver } from '@/lib/db/schema';

let t: TestDatabase;
let server: OcppServerProcess;
let deps: ReturnType<typeof commandDeps>;
let station: RPCClient;
let dana: Driver;
let eve: Driver;
const origin = 'https://charge.example.com';
const tokenOf = (link: string) => link.split('/').at(-1)!;
const remoteStarts: unknown[] = [];

/** A station that starts a transaction after an accepted RemoteStartTransaction, and stops on RemoteStop. */
async function startStation() {
  station = await connectStation(server.url, 'PORTAL-1');
  let meter = 1000;
  station.handle('RemoteStartTransaction', async ({ params }) => {
    remoteStarts.push(params);
    const { idTag, connectorId } = params as { idTag: string; connectorId: number };
    setTimeout(async () => {
      await station.call('StatusNotification', { connectorId, status: 'Charging', errorCode: 'NoError' });
      const started = (await station.call('StartTransaction', { connectorId, idTag, meterStart: meter, timestamp: new Date().toISOString() })) as { transactionId: number };
      meter += 2500;
      await station.call('MeterValues', {
        connectorId,
        transactionId: started.transactionId,
        meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: String(meter), measurand: 'Energy.Active.Import.Register', unit: 'Wh' }, { value: '11000', measurand: 'Power.Active.Import', unit: 'W' }] }],
      });
    }, 20);
    return { status: 'Accepted' };
  });
  station.handle('RemoteStopTransaction', async ({ params }) => {
    const { transactionId } = params as { transactionId: number };
    setTimeout(async () => {
      await station.call('StopTransaction', { transactionId, meterStop: meter, timestamp: new Date().toISOString(), reason: 'Remote' });
      await station.call('StatusNotification', { connectorId: 1, status: 'Available', errorCode: 'NoError' });
    }, 20);
    return { status: 'Accepted' };
  });
  await boot(station);
  for (const connectorId of [0, 1, 2]) await station.call('StatusNotification', { connectorId, status: 'Available', errorCode: 'NoError' });
  await waitOnline(t.db, 'PORTAL-1');
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  server = await startOcppServer({ databaseUrl: t.url });
  deps = commandDeps(t.db);
  // The rows, as the portal's session lookup gives them.
  dana = (await getDriverById(t.db, (await createDriver(t.db, systemActor, { name: 'Dana Driver', email: 'dana@example.com', status: 'active' })).id))!;
  eve = (await getDriverById(t.db, (await createDriver(t.db, systemActor, { name: 'Eve Other', email: 'eve@example.com', status: 'active' })).id))!;
  await createIdTag(t.db, systemActor, { idTag: 'EVE-CARD', status: 'Accepted', driverId: eve.id });
  await startStation();
});
afterAll(async () => {
  await station?.close({ force: true }).catch(() => {});
  await server?.stop();
  await deps?.close();
  await getBus().close();
  const { getDb } = await import('@/lib/db/client');
  await getDb().$client.end();
  await t?.drop();
});

describe('driver sign-in', () => {
  it('an invitation link sets the password once, gives an app tag, and signs in', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const link = await inviteDriver(t.db, systemActor, { driverId: dana.id, origin });
    expect(link).toMatch(/^https:\/\/charge\.example\.com\/driver\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(log).toHaveBeenCalledWith(`[driver-portal] invitation for dana@example.com: ${link}`);
    log.mockRestore();

    await expect(signInDriver(t.db, { email: 'dana@example.com', password: 'whatever password', ip: '1' })).rejects.toMatchObject({ status: 401 });
    const session = await setDriverPassword(t.db, { token: tokenOf(link), password: 'dana secret 123' });
    expect((await getDriverBySessionHash(t.db, hashSecretToken(session.token), new Date()))?.id).toBe(dana.id);
    await expect(setDriverPassword(t.db, { token: tokenOf(link), password: 'again secret 123' })).rejects.toMatchObject({ status: 400, field: 'token' });
    const tags = await listDriverIdTags(t.db, dana.id);
    expect(tags.map((tag) => tag.idTag)).toEqual([expect.stringMatching(/^APP-[0-9A-F]{12}$/)]);

    await expect(signInDriver(t.db, { email: 'DANA@example.com', password: 'wrong password', ip: '1' })).rejects.toMatchObject({ status: 401 });
    const signedIn = await signInDriver(t.db, { email: 'DANA@example.com', password: 'dana secret 123', ip: '1' });
    expect(signedIn.token).not.toBe(session.token);
  });

  it('locks an account after five failures, counted apart from operator sign-ins', async () => {
    for (let i = 0; i < 5; i++) await expect(signInDriver(t.db, { email: 'eve@example.com', password: 'nope', ip: '2' })).rejects.toMatchObject({ status: 401 });
    await expect(signInDriver(t.db, { email: 'eve@example.com', password: 'nope', ip: '2' })).rejects.toMatchObject({ status: 429 });
  });

  it('a reset link replaces the password and signs out the other devices; unknown emails get no link', async () => {
    const before = await signInDriver(t.db, { email: 'dana@example.com', password: 'dana secret 123', ip: '3' });
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    await requestPasswordReset(t.db, { email: 'nobody@example.com', origin, ip: '3' });
    await requestPasswordReset(t.db, { email: 'dana@example.com', origin, ip: '3' });
    log.mockRestore();
    expect(lines).toHaveLength(1);
    const link = lines[0]!.split(': ')[1]!;
    expect(link).toContain('/driver/reset/');
    await setDriverPassword(t.db, { token: tokenOf(link), password: 'dana new secret 1' });
    expect(await getDriverBySessionHash(t.db, hashSecretToken(before.token), new Date())).toBeUndefined();
    await signInDriver(t.db, { email: 'dana@example.com', password: 'dana new secret 1', ip: '3' });
  });
});

describe('charging from the phone over a real OCPP socket', () => {
  it('refuses at once with a plain reason when the connector is not free, before any command', async () => {
    await station.call('StatusNotification', { connectorId: 2, status: 'Faulted', errorCode: 'GroundFailure' });
    await expect(startCharging(deps, dana, { stationId: 'PORTAL-1', connectorId: 2 })).rejects.toMatchObject({ status: 409, message: 'This connector is out of order. The operator has been told.' });
    await expect(startCharging(deps, dana, { stationId: 'NOPE', connectorId: 1 })).rejects.toMatchObject({ status: 404 });
    expect(remoteStarts).toEqual([]);
  });

  it('tells a prepaid driver below the wallet minimum to top up, before any command', async () => {
    // Eve has a portal account with a confirmed email (as after an invitation).
    await ensureDriverAccount(t.db, eve.id);
    await markDriverEmailVerified(t.db, eve.id, new Date());
    const wallet = await createWallet(t.db, systemActor, { driverId: eve.id, currency: 'EUR', minBalance: 500 });
    await topUpWallet(t.db, systemActor, wallet.id, { amount: 250 });
    // The connector page says so before Start is pressed.
    const view = (driverId: string) => getDriverConnectorView(t.db, { stationId: 'PORTAL-1', connectorId: 1, driverId, now: new Date() });
    expect((await view(eve.id))?.blocker).toEqual({ code: 'balance_too_low', message: 'Your prepaid balance is €2.50, below the €5.00 needed to start. Top up your wallet first.' });
    expect((await view(dana.id))?.blocker).toBeNull();
    await expect(startCharging(deps, eve, { stationId: 'PORTAL-1', connectorId: 1 })).rejects.toMatchObject({
      status: 409,
      code: 'balance_too_low',
      message: 'Your prepaid balance is €2.50, below the €5.00 needed to start. Top up your wallet first.',
    });
    expect(remoteStarts).toEqual([]);
  });

  it('starts with the driver’s tag, shows the live session only to its driver, stops, and gives a receipt', async () => {
    const [appTag] = (await listDriverIdTags(t.db, dana.id)).map((tag) => tag.idTag);
    const { commandId } = await startCharging(deps, dana, { stationId: 'PORTAL-1', connectorId: 1 });
    expect(remoteStarts).toEqual([{ connectorId: 1, idTag: appTag }]);
    expect(await getCommandById(t.db, commandId)).toMatchObject({ state: 'completed', actorType: 'driver', actorId: dana.id, action: 'RemoteStartTransaction' });

    const view = await eventually(
      () => getDriverConnectorView(t.db, { stationId: 'PORTAL-1', connectorId: 1, driverId: dana.id, now: new Date() }),
      (v) => (v?.session?.energyWh ?? 0) > 0,
      10_000,
    );
    expect(view?.session).toMatchObject({ energyWh: 2500, powerW: 11000 });
    expect(view?.availability).toEqual({ canStart: false, reason: 'This connector is in use by someone else.' });
    const eveView = await getDriverConnectorView(t.db, { stationId: 'PORTAL-1', connectorId: 1, driverId: eve.id, now: new Date() });
    expect(eveView?.session).toBeNull();

    const transactionId = view!.session!.transactionId;
    await expect(stopCharging(deps, eve, transactionId)).rejects.toMatchObject({ status: 404 });
    expect(await getDriverReceipt(t.db, eve.id, transactionId)).toBeUndefined();
    await stopCharging(deps, dana, transactionId);
    const receipt = await eventually(() => getDriverReceipt(t.db, dana.id, transactionId), (r) => r?.stoppedAt != null, 10_000);
    expect(receipt).toMatchObject({ id: transactionId, idTag: appTag, meterStart: 1000, meterStop: 3500 });
    expect((await listDriverSessions(t.db, dana.id)).map((s) => [s.id, s.energyWh])).toEqual([[transactionId, 2500]]);
    expect(await listDriverSessions(t.db, eve.id)).toEqual([]);
  });
});

describe('tags and redirects', () => {
  it('a driver blocks their own lost tag, never someone else’s', async () => {
    await expect(blockOwnIdTag(t.db, eve, (await listDriverIdTags(t.db, dana.id))[0]!.idTag)).rejects.toMatchObject({ status: 404 });
    await blockOwnIdTag(t.db, eve, 'EVE-CARD');
    expect((await listDriverIdTags(t.db, eve.id)).map((tag) => tag.status)).toEqual(['Blocked']);
    expect((await listDriverIdTags(t.db, dana.id)).map((tag) => tag.status)).toEqual(['Accepted']);
  });

  it('the connector page says up front when none of the driver’s cards may charge (the only one blocked as lost)', async () => {
    const fay = (await getDriverById(t.db, (await createDriver(t.db, systemActor, { name: 'Fay', email: 'fay@example.com', status: 'active' })).id))!;
    await createIdTag(t.db, systemActor, { idTag: 'FAY-CARD', status: 'Accepted', driverId: fay.id });
    await ensureDriverAccount(t.db, fay.id);
    await markDriverEmailVerified(t.db, fay.id, new Date());
    const blocker = async () => (await getDriverConnectorView(t.db, { stationId: 'PORTAL-1', connectorId: 1, driverId: fay.id, now: new Date() }))?.blocker;
    expect(await blocker()).toBeNull();
    await blockOwnIdTag(t.db, fay, 'FAY-CARD');
    expect(await blocker()).toEqual({ code: 'no_usable_tag', message: 'Your account has no card that may charge here. Contact the operator.' });
    await expect(startCharging(deps, fay, { stationId: 'PORTAL-1', connectorId: 1 })).rejects.toMatchObject({ code: 'no_usable_tag' });
  });

  it('goes back only to portal paths after sign-in', () => {
    expect(safePortalPath('/c/ST-1/2')).toBe('/c/ST-1/2');
    expect(safePortalPath('/driver/sessions/7')).toBe('/driver/sessions/7');
    for (const evil of ['https://evil.example', '//evil.example', '/\\evil.example', '/c/\\evil', '/drivers', '/c//evil.example', undefined]) expect(safePortalPath(evil)).toBe('/driver');
  });
});

describe('privacy', () => {
  it('exports the driver’s own data, and deletion anonymises the driver but keeps the sessions', async () => {
    const exported = await exportDriverData(t.db, dana);
    expect(exported.profile).toMatchObject({ name: 'Dana Driver', email: 'dana@example.com' });
    expect(exported.sessions).toHaveLength(1);
    expect(exported.idTags.map((tag) => tag.idTag)).not.toContain('EVE-CARD');
    expect(exported.wallet).toBeNull();
    // A prepaid driver's export carries every wallet movement, and the invoices issued to them.
    const eves = await exportDriverData(t.db, eve);
    expect(eves.wallet).toEqual({ currency: 'EUR', balance: 250, entries: [expect.objectContaining({ kind: 'top_up', amount: 250, transactionId: null })] });
    expect(eves.invoices).toEqual([]);

    await anonymiseDriver(t.db, dana);
    const after = await getDriverById(t.db, dana.id);
    expect(after).toMatchObject({ name: 'Deleted driver', email: null, phone: null, status: 'blocked' });
    expect(after!.anonymisedAt).not.toBeNull();
    expect((await listDriverIdTags(t.db, dana.id)).every((tag) => tag.status === 'Blocked')).toBe(true);
    expect(await listDriverSessions(t.db, dana.id)).toHaveLength(1);
    await expect(signInDriver(t.db, { email: 'dana@example.com', password: 'dana new secret 1', ip: '4' })).rejects.toMatchObject({ status: 401 });
  });
});
