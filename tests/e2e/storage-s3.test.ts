import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli, startApp, type AppProcess } from '../support/app-process';
import { eventually } from '../support/eventually';
import { startS3Server, type S3Server } from '../support/s3-server';
import { registerCsmsCommands } from '../../scripts/simulator/csms-commands';
import { VirtualStation } from '../../scripts/simulator/virtual-station';

// `npm start` with STORAGE_S3_* pointing at a real S3-compatible server (s3rver on a loopback port):
// the built web app keeps a station's diagnostics and a firmware image in the bucket, and serves
// both back from there (the firmware to a simulated station during a rollout).
let app: AppProcess;
let s3: S3Server;
let station: VirtualStation;
let token: string;

beforeAll(async () => {
  s3 = await startS3Server();
  app = await startApp({ env: s3.env });
  const created = await runCli(['token', 'create', '--name', 'e2e', '--role', 'admin'], app.env);
  expect(created.code, created.stderr).toBe(0);
  token = created.stdout.trim().split('\n').at(-1)!;
  const stats = { connected: 0, calls: 0, callErrors: 0, sessionsStarted: 0, sessionsCompleted: 0, meterValues: 0 };
  station = new VirtualStation({ url: app.ocppUrl, identity: 'SIM-S3', connectors: 1, meterIntervalS: 60, speed: 1, idleS: [3600, 3600], idTags: [], log: () => {}, stats });
  registerCsmsCommands(station);
  await station.start();
});
afterAll(async () => {
  await station?.stop();
  await app?.stop();
  await s3?.close();
});

const call = async (pathAndQuery: string, init: { method?: string; body?: BodyInit; json?: unknown } = {}) =>
  fetch(`${app.baseUrl}${pathAndQuery}`, {
    method: init.method ?? (init.body || init.json ? 'POST' : 'GET'),
    headers: { authorization: `Bearer ${token}`, ...(init.json ? { 'content-type': 'application/json' } : {}) },
    body: init.json ? JSON.stringify(init.json) : init.body,
  });
/** The object keys s3rver holds, from its directory. */
const inBucket = () => fs.readdirSync(s3.directory, { recursive: true }).map(String);

it('diagnostics uploaded by a simulated station land in the bucket and download from it', async () => {
  type Detail = { station?: { online: boolean } };
  const detail = await eventually(async () => (await (await call('/api/v1/stations/SIM-S3')).json()) as Detail, (body) => body.station?.online === true, 10_000);
  expect(detail.station?.online).toBe(true);
  const requested = await call('/api/v1/stations/SIM-S3/diagnostics', { json: {} });
  expect(requested.status).toBe(200);
  const listed = await eventually(
    async () => ((await (await call('/api/v1/stations/SIM-S3/diagnostics')).json()) as { data: { state: string; downloadUrl: string | null; sizeBytes: number }[] }).data,
    (files) => files[0]?.state === 'uploaded',
  );
  expect(inBucket().some((entry) => entry.includes('diagnostics-SIM-S3.log'))).toBe(true);
  expect(fs.existsSync(path.join(app.dataDir, 'diagnostics'))).toBe(false);
  const download = await call(listed[0]!.downloadUrl!);
  expect(download.status).toBe(200);
  const text = await download.text();
  expect(text).toMatch(/^station SIM-S3 diagnostics/);
  expect(Buffer.byteLength(text)).toBe(listed[0]!.sizeBytes);
});

it('a firmware image is stored in the bucket and a rollout station downloads it from there', async () => {
  const image = crypto.randomBytes(120_000);
  const uploaded = await call('/api/v1/firmware?vendor=CSMS-Sim&model=Sim-1C&version=9.9.9&fileName=s3-9.9.9.bin', { body: image });
  expect(uploaded.status).toBe(201);
  const firmware = (await uploaded.json()) as { id: number; sha256: string };
  expect(firmware.sha256).toBe(crypto.createHash('sha256').update(image).digest('hex'));
  expect(inBucket().some((entry) => entry.includes('s3-9.9.9.bin'))).toBe(true);
  expect(fs.existsSync(path.join(app.dataDir, 'firmware'))).toBe(false);

  const created = await call('/api/v1/firmware/campaigns', { json: { name: 'S3 rollout', firmwareId: firmware.id, stationIds: ['SIM-S3'], batchSize: 1, concurrency: 1 } });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: number };
  type Campaign = { state: string; targets: { stationId: string; state: string; downloads: number }[] };
  const done = await eventually(async () => (await (await call(`/api/v1/firmware/campaigns/${id}`)).json()) as Campaign, (campaign) => campaign.state === 'completed', 60_000);
  expect(done.targets).toEqual([expect.objectContaining({ stationId: 'SIM-S3', state: 'installed', downloads: 1 })]);
});
