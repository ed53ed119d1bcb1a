import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { commandDeps, operator, waitOnline } from '../support/command-deps';
import { eventually } from '../support/eventually';
import { serveFetch } from '../support/serve-fetch';
import { routeClient } from '../lib/sites/route-client';
import * as uploadRoute from '@/app/api/v1/diagnostics/upload/[token]/[[...name]]/route';
import * as downloadRoute from '@/app/api/v1/diagnostics/[id]/download/route';
import * as listRoute from '@/app/api/v1/stations/[stationId]/diagnostics/route';
import { createApiToken } from '@/lib/api-tokens/create-api-token';
import { systemActor } from '@/lib/auth/roles';
import { getStationById, insertMissingStations } from '@/lib/db/queries/stations';
import { insertDiagnosticsFile } from '@/lib/db/queries/diagnostics';
import { receiveDiagnosticsUpload } from '@/lib/diagnostics/receive-diagnostics-upload';
import { requestDiagnostics } from '@/lib/diagnostics/request-diagnostics';
import { newUploadToken } from '@/lib/diagnostics/upload-token';
import { createDiskStorage } from '@/lib/storage/disk-storage';
import { registerCsmsCommands } from '@/scripts/simulator/csms-commands';
import { VirtualStation } from '@/scripts/simulator/virtual-station';

let t: TestDatabase;
let server: OcppServerProcess;
let deps: ReturnType<typeof commandDeps>;
let api: Awaited<ReturnType<typeof routeClient>>;
let web: Awaited<ReturnType<typeof serveFetch>>;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csms-diagnostics-'));
const storage = createDiskStorage(dataDir);

beforeAll(async () => {
  process.env.DATA_DIR = dataDir; // read once by getEnv(), before any route runs
  t = await createTestDatabase();
  api = await routeClient(t);
  server = await startOcppServer({ databaseUrl: t.url });
  deps = commandDeps(t.db);
  // The upload target as a real HTTP endpoint, the way Next.js serves it.
  web = await serveFetch(async (request) => {
    const match = /^\/api\/v1\/diagnostics\/upload\/([^/]+)/.exec(new URL(request.url).pathname);
    const handler = match && (request.method === 'PUT' ? uploadRoute.PUT : request.method === 'POST' ? uploadRoute.POST : null);
    if (!handler) return new Response('not here', { status: 404 });
    return handler(request, { params: Promise.resolve({ token: match[1]! }) });
  });
  await insertMissingStations(t.db, [{ id: 'DIAG-0', registrationStatus: 'accepted' }]);
});
afterAll(async () => {
  await web?.close();
  await server?.stop();
  await deps?.close();
  await api?.close();
  await t?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const slot = async () => {
  const { token, tokenHash } = newUploadToken();
  await insertDiagnosticsFile(t.db, { stationId: 'DIAG-0', tokenHash, requestedBy: 'test', ttlMs: 60_000 });
  return `${web.url}/api/v1/diagnostics/upload/${token}`;
};

describe('GetDiagnostics with the CSMS as the upload target (OCPP 1.6 §5.9)', () => {
  it('a simulated station accepts, uploads its log to the one-time URL, and the file can be downloaded', async () => {
    const stats = { connected: 0, calls: 0, callErrors: 0, sessionsStarted: 0, sessionsCompleted: 0, meterValues: 0 };
    const station = new VirtualStation({ url: server.url, identity: 'DIAG-1', connectors: 1, meterIntervalS: 60, speed: 1, idleS: [3600, 3600], idTags: [], log: () => {}, stats });
    registerCsmsCommands(station);
    await station.start();
    await waitOnline(t.db, 'DIAG-1');

    const { command } = await requestDiagnostics(deps, operator, { stationId: 'DIAG-1', baseUrl: web.url });
    expect(command).toMatchObject({ state: 'completed', response: { fileName: 'diagnostics-DIAG-1.log' } });
    const stationRow = await eventually(() => getStationById(t.db, 'DIAG-1'), (row) => row?.diagnosticsStatus === 'Uploaded');
    expect(stationRow?.diagnosticsStatus).toBe('Uploaded');

    const list = await api.call(listRoute.GET, { role: 'viewer', params: { stationId: 'DIAG-1' } });
    const [file] = list.body.data as { id: number; state: string; fileName: string; sizeBytes: number; downloadUrl: string }[];
    expect(file).toMatchObject({ state: 'uploaded', fileName: 'diagnostics-DIAG-1.log', downloadUrl: `/api/v1/diagnostics/${file!.id}/download` });
    expect(JSON.stringify(list.body)).not.toContain('/upload/');

    const url = `http://localhost${file!.downloadUrl}`;
    const context = { params: Promise.resolve({ id: String(file!.id) }) };
    const { token } = await createApiToken(t.db, systemActor, { name: 'download', role: 'operator' });
    const download = await downloadRoute.GET(new Request(url, { headers: { authorization: `Bearer ${token}` } }), context);
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="diagnostics-DIAG-1.log"');
    const text = await download.text();
    expect(text).toMatch(/^station DIAG-1 diagnostics .*\nconnector 1: Available/);
    expect(file!.sizeBytes).toBe(Buffer.byteLength(text));
    await station.stop();
  });

  it('accepts a multipart POST once, then refuses the used URL', async () => {
    const url = await slot();
    const form = new FormData();
    form.append('file', new Blob(['multipart log\n'], { type: 'text/plain' }), 'cp.log');
    const first = await fetch(url, { method: 'POST', body: form });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ fileName: 'cp.log', sizeBytes: 14 });
    const again = await fetch(url, { method: 'PUT', body: 'second try' });
    expect(again.status).toBe(404);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('upload_not_found');
  });

  it('refuses an unknown or expired token, and a file over the size limit (the URL stays usable)', async () => {
    expect((await fetch(`${web.url}/api/v1/diagnostics/upload/${'x'.repeat(32)}`, { method: 'PUT', body: 'x' })).status).toBe(404);
    const { token, tokenHash } = newUploadToken();
    await insertDiagnosticsFile(t.db, { stationId: 'DIAG-0', tokenHash, requestedBy: 'test', ttlMs: -1000 });
    expect((await fetch(`${web.url}/api/v1/diagnostics/upload/${token}`, { method: 'PUT', body: 'late' })).status).toBe(404);

    const url = await slot();
    const big = () => new Request(url, { method: 'PUT', body: 'y'.repeat(5000) });
    const token2 = url.split('/').at(-1)!;
    await expect(receiveDiagnosticsUpload(t.db, { token: token2, request: big(), storage, maxBytes: 1000 })).rejects.toMatchObject({ status: 413 });
    const ok = await receiveDiagnosticsUpload(t.db, { token: token2, request: big(), storage, maxBytes: 10_000 });
    expect(ok.sizeBytes).toBe(5000);
  });
});
