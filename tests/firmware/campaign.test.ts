import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as uploadRoute from '@/app/api/v1/firmware/route';
import * as downloadRoute from '@/app/api/v1/firmware/download/[token]/[[...name]]/route';
import * as campaignsRoute from '@/app/api/v1/firmware/campaigns/route';
import * as campaignRoute from '@/app/api/v1/firmware/campaigns/[id]/route';
import * as controlRoute from '@/app/api/v1/firmware/campaigns/[id]/[control]/route';
import { createApiToken } from '@/lib/api-tokens/create-api-token';
import { systemActor } from '@/lib/auth/roles';
import { createBus, type Bus } from '@/lib/bus/bus';
import type { CsmsEvent } from '@/lib/bus/events';
import { getCommandById } from '@/lib/db/queries/commands';
import { insertMissingStations } from '@/lib/db/queries/stations';
import type { CampaignDetail } from '@/lib/firmware/read-campaigns';
import { registerCsmsCommands } from '@/scripts/simulator/csms-commands';
import { VirtualStation } from '@/scripts/simulator/virtual-station';
import { waitOnline } from '../support/command-deps';
import { eventually } from '../support/eventually';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { serveFetch } from '../support/serve-fetch';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Firmware hosted by the CSMS: uploaded through the REST route, rolled out by the OCPP server's
// scheduler over real sockets to simulated stations, which download it from the served URL.
const MAX_BYTES = 300_000;
let t: TestDatabase;
let server: OcppServerProcess;
let web: Awaited<ReturnType<typeof serveFetch>>;
let bus: Bus;
const events: CsmsEvent[] = [];
const stations: VirtualStation[] = [];
const tokens: Record<string, string> = {};
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csms-firmware-'));
const image = crypto.randomBytes(200_000);

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
/** The firmware routes behind a real HTTP server, the way Next.js routes them. */
function route(request: Request): Promise<Response> {
  const parts = new URL(request.url).pathname.split('/').slice(4); // after /api/v1/firmware
  const call = (handler: Handler, params: Record<string, string> = {}) => handler(request, { params: Promise.resolve(params) });
  if (parts.length === 0) return call(request.method === 'POST' ? uploadRoute.POST : uploadRoute.GET);
  if (parts[0] === 'download') return call(downloadRoute.GET, { token: parts[1]! });
  if (parts.length === 1) return call(request.method === 'POST' ? campaignsRoute.POST : campaignsRoute.GET);
  if (parts.length === 2) return call(campaignRoute.GET, { id: parts[1]! });
  return call(controlRoute.POST, { id: parts[1]!, control: parts[2]! });
}

const api = async (pathAndQuery: string, init: { role: string; method?: string; body?: BodyInit; json?: unknown }) => {
  const response = await fetch(`${web.url}/api/v1/firmware${pathAndQuery}`, {
    method: init.method ?? (init.body || init.json ? 'POST' : 'GET'),
    headers: { authorization: `Bearer ${tokens[init.role]}`, ...(init.json ? { 'content-type': 'application/json' } : {}) },
    body: init.json ? JSON.stringify(init.json) : init.body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { code: string; field?: string } } };
};

async function simulatedStation(identity: string) {
  const stats = { connected: 0, calls: 0, callErrors: 0, sessionsStarted: 0, sessionsCompleted: 0, meterValues: 0 };
  const station = new VirtualStation({ url: server.url, identity, connectors: 1, meterIntervalS: 60, speed: 1, idleS: [3600, 3600], idTags: [], log: () => {}, stats });
  registerCsmsCommands(station);
  await station.start();
  stations.push(station);
  await waitOnline(t.db, identity);
}

beforeAll(async () => {
  process.env.DATA_DIR = dataDir; // read once by getEnv(), before any route runs
  process.env.FIRMWARE_MAX_BYTES = String(MAX_BYTES);
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url; // the route handlers' pool
  for (const role of ['admin', 'operator', 'viewer'] as const) tokens[role] = (await createApiToken(t.db, systemActor, { name: role, role })).token;
  server = await startOcppServer({ databaseUrl: t.url });
  web = await serveFetch(route);
  bus = createBus(t.db.$client);
  bus.subscribe((event) => events.push(event));
  for (const id of ['FW-1', 'FW-2', 'FW-3']) await simulatedStation(id);
  // Registered and accepted, but not connected: UpdateFirmware cannot reach them.
  await insertMissingStations(t.db, ['FW-4', 'FA-OFF-1', 'FA-OFF-2'].map((id) => ({ id, registrationStatus: 'accepted' as const })));
});
afterAll(async () => {
  for (const station of stations) await station.stop();
  await server?.stop();
  await web?.close();
  await bus?.close();
  const { getDb } = await import('@/lib/db/client');
  await getDb().$client.end();
  await t?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

let firmwareId: number;
const campaign = async (id: number) => (await api(`/campaigns/${id}`, { role: 'viewer' })).body as unknown as CampaignDetail;

describe('firmware files', () => {
  it('an admin uploads a file; its SHA-256 and size are computed and it is stored under DATA_DIR/firmware', async () => {
    const uploaded = await api('?vendor=CSMS-Sim&model=Sim-1C&version=2.0.0&fileName=sim-2.0.0.bin', { role: 'admin', body: image });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ vendor: 'CSMS-Sim', model: 'Sim-1C', version: '2.0.0', fileName: 'sim-2.0.0.bin', sizeBytes: image.length, sha256: crypto.createHash('sha256').update(image).digest('hex') });
    firmwareId = uploaded.body.id as number;
    const stored = fs.readdirSync(path.join(dataDir, 'firmware'));
    expect(stored).toHaveLength(1);
    expect(fs.readFileSync(path.join(dataDir, 'firmware', stored[0]!)).equals(image)).toBe(true);
    expect(((await api('', { role: 'viewer' })).body.data as unknown[]).length).toBe(1);
  });

  it('refuses operators, a version uploaded twice, and a file over FIRMWARE_MAX_BYTES (nothing left on disk)', async () => {
    // In-process: a refusal answered before the body is read resets a real socket mid-upload.
    const upload = async (role: string, query: string, body: Buffer) => {
      const request = new Request(`http://localhost/api/v1/firmware?${query}`, { method: 'POST', headers: { authorization: `Bearer ${tokens[role]}` }, body: new Uint8Array(body) });
      const response = await uploadRoute.POST(request, { params: Promise.resolve({}) });
      return { status: response.status, body: (await response.json()) as { error?: { code: string; field?: string } } };
    };
    expect((await upload('operator', 'vendor=V&model=M&version=1&fileName=a.bin', image)).status).toBe(403);
    expect(await upload('admin', 'vendor=CSMS-Sim&model=Sim-1C&version=2.0.0&fileName=b.bin', image)).toMatchObject({ status: 409, body: { error: { code: 'duplicate_version', field: 'version' } } });
    expect(await upload('admin', 'vendor=V&model=M&version=big&fileName=big.bin', crypto.randomBytes(MAX_BYTES + 1))).toMatchObject({ status: 413, body: { error: { code: 'too_large' } } });
    expect(await upload('admin', 'vendor=V&model=M&fileName=big.bin', image)).toMatchObject({ status: 400, body: { error: { field: 'version' } } });
    expect(fs.readdirSync(path.join(dataDir, 'firmware'))).toHaveLength(1);
  });
});

describe('rollout campaigns', () => {
  it('rolls out in batches within the concurrency limit; every connected station downloads the file and reaches Installed, one failure does not stop it', { timeout: 60_000 }, async () => {
    const created = await api('/campaigns', {
      role: 'operator',
      json: { name: 'Sim 2.0.0', firmwareId, stationIds: ['FW-1', 'FW-2', 'FW-3', 'FW-4'], batchSize: 2, concurrency: 2, failureThreshold: 2 },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    const done = await eventually(() => campaign(id), (c) => c.state === 'completed', 40_000);
    expect(done).toMatchObject({ state: 'completed', counts: { installed: 3, failed: 1, pending: 0, total: 4 } });
    const byStation = Object.fromEntries(done.targets.map((target) => [target.stationId, target]));
    for (const id of ['FW-1', 'FW-2', 'FW-3']) {
      expect(byStation[id]).toMatchObject({ state: 'installed', detail: 'Installed', downloads: 1 });
      expect(byStation[id]!.downloadedAt).not.toBeNull();
    }
    expect(byStation['FW-4']).toMatchObject({ state: 'failed' });
    expect(byStation['FW-4']!.detail).toMatch(/offline/);
    // Concurrency 2: the third station was only sent its UpdateFirmware once one of the first two had finished.
    const firstFinished = Math.min(Date.parse(byStation['FW-1']!.finishedAt!), Date.parse(byStation['FW-2']!.finishedAt!));
    expect(Date.parse(byStation['FW-3']!.sentAt!)).toBeGreaterThanOrEqual(firstFinished);
    // The command went through the command path, with this server's download URL as location.
    const command = await getCommandById(t.db, byStation['FW-1']!.commandId!);
    expect(command).toMatchObject({ action: 'UpdateFirmware', state: 'completed' });
    const location = (command!.payload as { location: string }).location;
    expect(location.startsWith(`${web.url}/api/v1/firmware/download/`)).toBe(true);
    // The token is valid until the station's window ends, and works for that file only; a made-up one does not.
    const again = await fetch(location);
    expect(Buffer.from(await again.arrayBuffer()).equals(image)).toBe(true);
    expect((await fetch(`${web.url}/api/v1/firmware/download/${'x'.repeat(32)}/sim.bin`)).status).toBe(404);
    expect(events).toContainEqual({ kind: 'firmware.updated', campaignId: id });
  });

  it('stops when failures reach the threshold; the stations not reached stay pending', { timeout: 30_000 }, async () => {
    const created = await api('/campaigns', {
      role: 'operator',
      json: { name: 'threshold', firmwareId, stationIds: ['FA-OFF-1', 'FA-OFF-2', 'FW-1'], batchSize: 1, concurrency: 1, failureThreshold: 2 },
    });
    const stopped = await eventually(() => campaign(created.body.id as number), (c) => c.state === 'stopped', 20_000);
    expect(stopped).toMatchObject({ state: 'stopped', stateReason: '2 stations failed (threshold 2)', counts: { failed: 2, pending: 1 } });
  });

  it('pauses, resumes and cancels; a viewer may not; a cancelled campaign cannot resume', async () => {
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const created = await api('/campaigns', { role: 'operator', json: { name: 'later', firmwareId, model: 'Sim-1C', startAt: later } });
    expect(created.body).toMatchObject({ state: 'scheduled', counts: { pending: 3 } });
    const id = created.body.id as number;
    expect((await api(`/campaigns/${id}/pause`, { role: 'viewer', method: 'POST' })).status).toBe(403);
    expect((await api(`/campaigns/${id}/pause`, { role: 'operator', method: 'POST' })).body).toMatchObject({ state: 'paused' });
    expect((await api(`/campaigns/${id}/resume`, { role: 'operator', method: 'POST' })).body).toMatchObject({ state: 'running' });
    expect((await api(`/campaigns/${id}/cancel`, { role: 'operator', method: 'POST' })).body).toMatchObject({ state: 'cancelled' });
    expect(await api(`/campaigns/${id}/resume`, { role: 'operator', method: 'POST' })).toMatchObject({ status: 409, body: { error: { code: 'invalid_state' } } });
    expect((await campaign(id)).stateReason).toBe('cancel by token:operator');
  });

  it('refuses a campaign without targets or with an unknown firmware, naming the field', async () => {
    expect(await api('/campaigns', { role: 'operator', json: { name: 'none', firmwareId } })).toMatchObject({ status: 400, body: { error: { field: 'selector' } } });
    expect(await api('/campaigns', { role: 'operator', json: { name: 'x', firmwareId: 999, model: 'Sim-1C' } })).toMatchObject({ status: 404 });
    // The simulated stations report firmware 1.0.0 in BootNotification.
    expect(await api('/campaigns', { role: 'operator', json: { name: 'x', firmwareId, model: 'Sim-1C', currentFirmware: '0.9' } })).toMatchObject({ status: 400, body: { error: { field: 'selector' } } });
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const matching = await api('/campaigns', { role: 'operator', json: { name: 'from 1.0.0', firmwareId, currentFirmware: '1.0.0', startAt: later } });
    expect(matching.body).toMatchObject({ state: 'scheduled', counts: { total: 3 } });
    expect(await api('/campaigns', { role: 'operator', json: { name: 'x', firmwareId, batchSize: 0, model: 'Sim-1C' } })).toMatchObject({ status: 400, body: { error: { field: 'batchSize' } } });
  });
});
