import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { boot, connectStation, upgradeStatus } from '../support/ocpp-client';
import { getStationById, insertMissingStations } from '@/lib/db/queries/stations';
import { putSetting } from '@/lib/db/queries/settings';
import { systemActor } from '@/lib/auth/roles';
import { setStationRegistration } from '@/lib/stations/set-station-registration';
import { UNKNOWN_STATIONS_SETTING } from '@/lib/stations/unknown-station-policy';

// One database per policy: OCPP_UNKNOWN_STATIONS is the default, the Settings value overrides it.
const cleanups: (() => Promise<unknown>)[] = [];
async function serverWith(policy: string, setting?: string): Promise<{ t: TestDatabase; server: OcppServerProcess }> {
  const t = await createTestDatabase();
  if (setting) await putSetting(t.db, UNKNOWN_STATIONS_SETTING, setting, 'test');
  const server = await startOcppServer({ databaseUrl: t.url, env: { OCPP_UNKNOWN_STATIONS: policy } });
  cleanups.push(() => server.stop().then(() => t.drop()));
  return { t, server };
}
afterAll(() => Promise.all(cleanups.map((cleanup) => cleanup())));

describe('accept', () => {
  it('registers the station and accepts its BootNotification', async () => {
    const { t, server } = await serverWith('accept');
    const station = await connectStation(server.url, 'NEW-1');
    const answer = await boot(station);
    expect(answer).toMatchObject({ status: 'Accepted', interval: 300 });
    expect(await getStationById(t.db, 'NEW-1')).toMatchObject({ registrationStatus: 'accepted', vendor: 'Test', model: 'T1' });
    await station.close();
  });
});

describe('pending', () => {
  let env: { t: TestDatabase; server: OcppServerProcess };
  beforeAll(async () => {
    env = await serverWith('pending');
  });

  it('registers the station as pending and answers Pending with a retry interval', async () => {
    const station = await connectStation(env.server.url, 'NEW-2');
    expect(await boot(station)).toMatchObject({ status: 'Pending', interval: 60 });
    expect((await getStationById(env.t.db, 'NEW-2'))?.registrationStatus).toBe('pending');
    // OCPP 1.6 §4.2.1: until accepted, only BootNotification (and Heartbeat) are served.
    await expect(station.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' })).rejects.toMatchObject({
      rpcErrorCode: 'SecurityError',
    });
    await expect(station.call('Heartbeat', {})).resolves.toHaveProperty('currentTime');

    await setStationRegistration(env.t.db, systemActor, { stationId: 'NEW-2', status: 'accepted' });
    expect(await boot(station)).toMatchObject({ status: 'Accepted', interval: 300 });
    await expect(station.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' })).resolves.toEqual({});
    await station.close();
  });

  it('answers Rejected to a station the operator rejected', async () => {
    await insertMissingStations(env.t.db, [{ id: 'NEW-3', registrationStatus: 'rejected' }]);
    const station = await connectStation(env.server.url, 'NEW-3');
    expect(await boot(station)).toMatchObject({ status: 'Rejected' });
    await station.close();
  });
});

describe('reject', () => {
  it('refuses an unknown station at the upgrade and registers nothing, but serves known ones', async () => {
    const { t, server } = await serverWith('reject');
    expect(await upgradeStatus(server.url, 'NEW-4')).toBe(404);
    expect(await getStationById(t.db, 'NEW-4')).toBeUndefined();
    await insertMissingStations(t.db, [{ id: 'KNOWN-1', registrationStatus: 'accepted' }]);
    const station = await connectStation(server.url, 'KNOWN-1');
    expect((await boot(station)).status).toBe('Accepted');
    await station.close();
  });

  it('the Settings value overrides the env default', async () => {
    const { t, server } = await serverWith('accept', 'reject');
    expect(await upgradeStatus(server.url, 'NEW-5')).toBe(404);
    expect(await getStationById(t.db, 'NEW-5')).toBeUndefined();
  });
});
