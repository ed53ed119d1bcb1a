import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { commandDeps, operator, waitOnline } from '../support/command-deps';
import { eventually } from '../support/eventually';
import { serveFetch } from '../support/serve-fetch';
import { startS3Server, type S3Server } from '../support/s3-server';
import { routeClient } from '../lib/sites/route-client';
import * as uploadRoute from '@/app/api/v1/diagnostics/upload/[token]/[[...name]]/route';
import * as downloadRoute from '@/app/api/v1/diagnostics/[id]/download/route';
import * as listRoute from '@/app/api/v1/stations/[stationId]/diagnostics/route';
import * as firmwareRoute from '@/app/api/v1/firmware/route';
import * as firmwareDownloadRoute from '@/app/api/v1/firmware/download/[token]/[[...name]]/route';
import { createApiToken } from '@/lib/api-tokens/create-api-token';
import { systemActor } from '@/lib/auth/roles';
import { getDiagnosticsFile } from '@/lib/db/queries/diagnostics';
import { insertCampaign, listCampaignTargets, updateTarget } from '@/lib/db/queries/firmware';
import { getStationById, insertMissingStations } from '@/lib/db/queries/stations';
import { requestDiagnostics } from '@/lib/diagnostics/request-diagnostics';
import { newUploadToken } from '@/lib/diagnostics/upload-token';
import { createS3Storage } from '@/lib/storage/s3-storage';
import { registerCsmsCommands } from '@/scripts/simulator/csms-commands';
import { VirtualStation } from '@/scripts/simulator/virtual-station';

// With STORAGE_S3_* set, the routes keep diagnostics and firmware in the bucket of a real
// S3-compatible server (s3rver on a free loopback port), and nothing under DATA_DIR.
let t: TestDatabase;
let s3: S3Server;
let server: OcppServerProcess;
let deps: ReturnType<typeof commandDeps>;
let api: Awaited<ReturnType<typeof routeClient>>;
let web: Awaited<ReturnType<typeof serveFetch>>;
let adminToken: string;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csms-s3-data-'));

beforeAll(async () => {
  s3 = await startS3Server();
  // Read once by getEnv() and getObjectStorage(), before any route runs.
  Object.assign(process.env, { DATA_DIR: dataDir, ...s3.env });
  t = await createTestDatabase();
  api = await routeClient(t);
  adminToken = (await createApiToken(t.db, systemActor, { name: 'admin', role: 'admin' })).token;
  server = await startOcppServer({ databaseUrl: t.url });
  deps = commandDeps(t.db);
  web = await serveFetch(async (request) => {
    const match = /^\/api\/v1\/diagnostics\/upload\/([^/]+)/.exec(new URL(request.url).pathname);
    if (!match || request.method !== 'PUT') return new Response('not here', { status: 404 });
    return uploadRoute.PUT(request, { params: Promise.resolve({ token: match[1]! }) });
  });
});
afterAll(async () => {
  await web?.close();
  await server?.stop();
  await deps?.close();
  await api?.close();
  await t?.drop();
  await s3?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('files in an S3-compatible bucket', () => {
  it('a simulated station uploads its diagnostics to the CSMS URL; the file lands in the bucket and downloads from it', async () => {
    const stats = { connected: 0, calls: 0, callErrors: 0, sessionsStarted: 0, sessionsCompleted: 0, meterValues: 0 };
    const station = new VirtualStation({ url: server.url, identity: 'S3-DIAG-1', connectors: 1, meterIntervalS: 60, speed: 1, idleS: [3600, 3600], idTags: [], log: () => {}, stats });
    registerCsmsCommands(station);
    await station.start();
    try {
      await waitOnline(t.db, 'S3-DIAG-1');
      const { command } = await requestDiagnostics(deps, operator, { stationId: 'S3-DIAG-1', baseUrl: web.url });
      expect(command).toMatchObject({ state: 'completed', response: { fileName: 'diagnostics-S3-DIAG-1.log' } });
      await eventually(() => getStationById(t.db, 'S3-DIAG-1'), (row) => row?.diagnosticsStatus === 'Uploaded');

      const list = await api.call(listRoute.GET, { role: 'viewer', params: { stationId: 'S3-DIAG-1' } });
      const [file] = list.body.data as { id: number; state: string; sizeBytes: number; downloadUrl: string }[];
      expect(file).toMatchObject({ state: 'uploaded' });
      const row = await getDiagnosticsFile(t.db, file!.id);
      const bucket = createS3Storage(s3.config);
      const inBucket = await bucket.get(row!.storagePath!);
      expect(inBucket?.sizeBytes).toBe(file!.sizeBytes);
      expect(fs.existsSync(path.join(dataDir, 'diagnostics'))).toBe(false);

      const { token } = await createApiToken(t.db, systemActor, { name: 'download', role: 'operator' });
      const download = await downloadRoute.GET(new Request(`http://localhost${file!.downloadUrl}`, { headers: bearer(token) }), { params: Promise.resolve({ id: String(file!.id) }) });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-length')).toBe(String(file!.sizeBytes));
      expect(await download.text()).toMatch(/^station S3-DIAG-1 diagnostics .*\nconnector 1: Available/);

      // Gone from the bucket: the download says so instead of failing mid-stream.
      await bucket.delete(row!.storagePath!);
      const gone = await downloadRoute.GET(new Request(`http://localhost${file!.downloadUrl}`, { headers: bearer(token) }), { params: Promise.resolve({ id: String(file!.id) }) });
      expect(gone.status).toBe(404);
    } finally {
      await station.stop();
    }
  });

  it('a firmware image is stored in the bucket with its SHA-256 and served from there at its download URL', async () => {
    const image = crypto.randomBytes(150_000);
    const uploaded = await firmwareRoute.POST(
      new Request('http://localhost/api/v1/firmware?vendor=S3&model=M1&version=1.0.0&fileName=m1.bin', { method: 'POST', headers: bearer(adminToken), body: new Uint8Array(image) }),
      { params: Promise.resolve({}) },
    );
    expect(uploaded.status).toBe(201);
    const body = (await uploaded.json()) as { id: number; sha256: string; sizeBytes: number };
    expect(body).toMatchObject({ sizeBytes: image.length, sha256: crypto.createHash('sha256').update(image).digest('hex') });
    expect(fs.existsSync(path.join(dataDir, 'firmware'))).toBe(false);

    // A campaign target holding a download token, as the rollout scheduler leaves it (the campaign is
    // scheduled far ahead so the OCPP server's scheduler leaves it alone).
    await insertMissingStations(t.db, [{ id: 'S3-FW-1', registrationStatus: 'accepted' }]);
    const campaign = await insertCampaign(
      t.db,
      { name: 'S3', firmwareId: body.id, selector: {}, batchSize: 1, concurrency: 1, failureThreshold: null, stationTimeoutS: 600, startAt: new Date(Date.now() + 86_400_000), baseUrl: 'http://localhost', createdBy: 'test' },
      ['S3-FW-1'],
    );
    const { token, tokenHash } = newUploadToken();
    const [target] = await listCampaignTargets(t.db, campaign.id);
    await updateTarget(t.db, target!.id, { state: 'sent', tokenHash, tokenExpiresAt: new Date(Date.now() + 600_000) });
    const download = await firmwareDownloadRoute.GET(new Request(`http://localhost/api/v1/firmware/download/${token}/m1.bin`), { params: Promise.resolve({ token }) });
    expect(download.status).toBe(200);
    expect(download.headers.get('x-checksum-sha256')).toBe(body.sha256);
    expect(Buffer.from(await download.arrayBuffer()).equals(image)).toBe(true);
  });
});
