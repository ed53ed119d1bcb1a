import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { boot, connectStation, upgradeStatus } from '../support/ocpp-client';
import { insertMissingStations, getStationById } from '@/lib/db/queries/stations';
import { systemActor } from '@/lib/auth/roles';
import { setStationPassword } from '@/lib/stations/set-station-password';
import { listAuditEntries } from '@/lib/db/queries/audit-log';

const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

describe('profile 1: HTTP Basic over ws://', () => {
  let t: TestDatabase;
  let server: OcppServerProcess;
  let password: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    server = await startOcppServer({ databaseUrl: t.url });
    await insertMissingStations(t.db, [{ id: 'SEC-1', registrationStatus: 'accepted' }]);
    ({ password } = await setStationPassword(t.db, systemActor, { stationId: 'SEC-1', securityProfile: 1 }));
  });
  afterAll(async () => {
    await server?.stop();
    await t?.drop();
  });

  it('generates a password once and stores only its argon2id hash, with an audit entry', async () => {
    expect(password).toHaveLength(32);
    const station = await getStationById(t.db, 'SEC-1');
    expect(station?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(station?.passwordHash).not.toContain(password);
    expect((await listAuditEntries(t.db, { action: 'station.password' })).map((e) => e.targetId)).toContain('SEC-1');
  });

  it('refuses no credentials, a wrong password and a user that is not the identity', async () => {
    expect(await upgradeStatus(server.url, 'SEC-1')).toBe(401);
    expect(await upgradeStatus(server.url, 'SEC-1', { headers: basic('SEC-1', 'wrong-password-0000') })).toBe(401);
    expect(await upgradeStatus(server.url, 'SEC-1', { headers: basic('OTHER', password) })).toBe(401);
  });

  it('accepts the right password, again and again (verifications are cached)', async () => {
    for (let i = 0; i < 3; i++) {
      const station = await connectStation(server.url, 'SEC-1', { password });
      expect((await boot(station)).status).toBe('Accepted');
      await station.close();
    }
  });

  it('profile 2 requires TLS: refused over ws:// even with the right password', async () => {
    await setStationPassword(t.db, systemActor, { stationId: 'SEC-1', securityProfile: 2, password: 'a-fixed-password-123' });
    expect(await upgradeStatus(server.url, 'SEC-1', { headers: basic('SEC-1', 'a-fixed-password-123') })).toBe(403);
  });
});

describe('profile 2: TLS + HTTP Basic over wss://', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csms-tls-'));
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  let t: TestDatabase;
  let server: OcppServerProcess;
  beforeAll(async () => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
    t = await createTestDatabase();
    server = await startOcppServer({ databaseUrl: t.url, env: { OCPP_TLS_CERT: cert, OCPP_TLS_KEY: key } });
    await insertMissingStations(t.db, [{ id: 'SEC-2', registrationStatus: 'accepted' }]);
    await setStationPassword(t.db, systemActor, { stationId: 'SEC-2', securityProfile: 2, password: 'tls-station-password' });
  });
  afterAll(async () => {
    await server?.stop();
    await t?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('logs a wss:// endpoint and admits the station with TLS and its password', async () => {
    expect(server.output()).toContain('listening on wss://');
    const url = server.url.replace('ws://', 'wss://');
    const station = await connectStation(url, 'SEC-2', { password: 'tls-station-password', ca: fs.readFileSync(cert) });
    expect((await boot(station)).status).toBe('Accepted');
    await station.close();
    await expect(connectStation(url, 'SEC-2', { password: 'not-the-password-000', ca: fs.readFileSync(cert) })).rejects.toThrow();
  });
});
