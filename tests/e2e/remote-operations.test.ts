import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RPCClient } from 'ocpp-rpc';
import { startApp, type AppProcess } from '../support/app-process';
import { launchBrowser } from '../support/browser';
import { boot, connectStation } from '../support/ocpp-client';
import { registerCsmsCommands } from '../../scripts/simulator/csms-commands';
import { SIMULATOR_CSR } from '../../scripts/simulator/security-commands';
import { VirtualStation } from '../../scripts/simulator/virtual-station';

let app: AppProcess;
let browser: Browser;
let page: Page;
let station: RPCClient;
const admin = { email: 'olga@example.com', password: 'first admin password' };
const operator = { email: 'otto@example.com', password: 'operator password 1' };
const viewer = { email: 'vic@example.com', password: 'viewer password 1' };
const resets: unknown[] = [];
const configuration = new Map([
  ['HeartbeatInterval', { value: '300', readonly: false }],
  ['NumberOfConnectors', { value: '1', readonly: true }],
]);

const sections = () => page.getByRole('navigation', { name: 'Station sections' });

async function signIn(target: Page, who: { email: string; password: string }) {
  await target.goto(`${app.baseUrl}/login`);
  await target.getByLabel('Email').fill(who.email);
  await target.getByLabel('Password').fill(who.password);
  await target.getByRole('button', { name: 'Sign in' }).click();
  await target.waitForURL(`${app.baseUrl}/`);
}

beforeAll(async () => {
  app = await startApp({ env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password } });
  station = await connectStation(app.ocppUrl, 'OPS-1');
  station.handle('Reset', async ({ params }) => (resets.push(params), { status: 'Accepted' }));
  station.handle('GetConfiguration', async () => ({
    configurationKey: [...configuration].map(([key, entry]) => ({ key, ...entry })),
    unknownKey: [],
  }));
  station.handle('ChangeConfiguration', async ({ params }) => {
    const { key, value } = params as { key: string; value: string };
    configuration.get(key)!.value = value;
    return { status: 'RebootRequired' };
  });
  await boot(station);
  for (const connectorId of [0, 1]) await station.call('StatusNotification', { connectorId, status: 'Available', errorCode: 'NoError' });
  browser = await launchBrowser();
  const adminPage = await browser.newPage();
  await signIn(adminPage, admin);
  for (const [who, role] of [[operator, 'operator'], [viewer, 'viewer']] as const) {
    const response = await adminPage.request.post(`${app.baseUrl}/api/v1/users`, { data: { email: who.email, name: role, password: who.password, role } });
    expect(response.status()).toBe(201);
  }
  await adminPage.close();
  page = await (await browser.newContext()).newPage();
  await signIn(page, operator);
});
afterAll(async () => {
  await station?.close({ force: true }).catch(() => {});
  await browser?.close();
  await app?.stop();
});

describe('remote operations in a browser', () => {
  it('an operator resets a station, confirms, and sees the station answer Accepted', async () => {
    await page.goto(`${app.baseUrl}/stations/OPS-1`);
    await sections().getByRole('link', { name: 'Maintenance' }).click();
    const card = page.locator('[data-action="Reset"]');
    await card.getByRole('button', { name: 'Reset' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Reset OPS-1?' });
    await dialog.getByRole('button', { name: 'Reset' }).click();
    await card.getByRole('status').getByText('Accepted').waitFor();
    expect(resets).toEqual([{ type: 'Soft' }]);
    await page.getByRole('table', { name: 'Command history' }).getByRole('row').filter({ hasText: 'Reset' }).getByText('Accepted', { exact: true }).waitFor();
  });

  it('reads the configuration, marks read-only keys, and shows RebootRequired for a change', async () => {
    await sections().getByRole('link', { name: 'Configuration' }).click();
    await page.getByRole('button', { name: 'Read all keys' }).click();
    await page.locator('[data-config-key="NumberOfConnectors"]').getByText('Read-only').waitFor();
    await page.getByLabel('Value of HeartbeatInterval').fill('120');
    await page.getByRole('button', { name: 'Apply 1 change' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Apply' }).click();
    await page.locator('[data-config-key="HeartbeatInterval"]').getByText('RebootRequired').waitFor();
    expect(configuration.get('HeartbeatInterval')!.value).toBe('120');
  });

  it('shows the frames of those commands in the message inspector, filtered by action', async () => {
    await sections().getByRole('link', { name: 'OCPP messages' }).click();
    await page.getByLabel('Filter by action').fill('Reset');
    const rows = page.getByRole('table', { name: 'OCPP messages' }).locator('tbody tr');
    // Once the filter applies, the Reset CALL (CSMS → station) and its CALLRESULT are what is left.
    await expect.poll(() => rows.allInnerTexts(), { timeout: 10_000 }).toEqual([
      expect.stringMatching(/station → CSMS\s+CALLRESULT\s+Reset\s+\d+ ms/),
      expect.stringMatching(/CSMS → station\s+CALL\s+Reset/),
    ]);
  });

  it('shows a new frame in the inspector as soon as it is logged, without polling or reloading', async () => {
    await page.getByLabel('Filter by action').fill('Heartbeat');
    const rows = page.getByRole('table', { name: 'OCPP messages' }).locator('tbody tr');
    await expect.poll(() => rows.filter({ hasText: 'Heartbeat' }).count()).toBe(0);
    // A Heartbeat raises no station event: only message.logged can bring it to the page.
    await station.call('Heartbeat', {});
    await expect.poll(() => rows.allInnerTexts(), { timeout: 10_000 }).toEqual([
      expect.stringMatching(/CSMS → station\s+CALLRESULT\s+Heartbeat/),
      expect.stringMatching(/station → CSMS\s+CALL\s+Heartbeat/),
    ]);
  });

  it('requests diagnostics from a simulated station, which uploads them to the CSMS-hosted URL; the file is listed for download', async () => {
    const stats = { connected: 0, calls: 0, callErrors: 0, sessionsStarted: 0, sessionsCompleted: 0, meterValues: 0 };
    const simulated = new VirtualStation({ url: app.ocppUrl, identity: 'SIM-DIAG', connectors: 1, meterIntervalS: 60, speed: 1, idleS: [3600, 3600], idTags: [], log: () => {}, stats });
    registerCsmsCommands(simulated);
    await simulated.start();
    await page.goto(`${app.baseUrl}/stations/SIM-DIAG?tab=maintenance`);
    const card = page.locator('[data-action="GetDiagnostics"]');
    await card.getByRole('button', { name: 'Request diagnostics' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Request diagnostics' }).click();
    await card.getByRole('status').getByText('Uploaded').waitFor();
    const link = card.getByRole('link', { name: 'diagnostics-SIM-DIAG.log' });
    await link.waitFor();
    const download = await page.request.get(`${app.baseUrl}${await link.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect(await download.text()).toMatch(/^station SIM-DIAG diagnostics/);
    await simulated.stop();
  });

  it('shows the security events and certificate signing requests of the station, on its Security tab and over REST', async () => {
    await station.call('SecurityEventNotification', { type: 'TamperDetectionActivated', timestamp: '2026-11-27T09:00:00.000Z', techInfo: 'front panel opened' });
    await station.call('SignCertificate', { csr: SIMULATOR_CSR });
    await page.goto(`${app.baseUrl}/stations/OPS-1`);
    await sections().getByRole('link', { name: 'Security' }).click();
    const events = page.getByRole('table', { name: 'Security events' });
    const row = events.getByRole('row').filter({ hasText: 'TamperDetectionActivated' });
    await row.getByText('critical').waitFor();
    await row.getByText('2026-11-27 09:00:00').waitFor();
    const requests = page.getByRole('list', { name: 'Certificate signing requests' });
    await requests.getByText(/^Received /).click();
    await requests.getByText('-----BEGIN CERTIFICATE REQUEST-----', { exact: false }).waitFor();

    const listed = await page.request.get(`${app.baseUrl}/api/v1/stations/OPS-1/security-events`);
    expect(listed.status()).toBe(200);
    expect((await listed.json()).data).toEqual([expect.objectContaining({ type: 'TamperDetectionActivated', critical: true, techInfo: 'front panel opened', occurredAt: '2026-11-27T09:00:00.000Z' })]);
    const csrs = await page.request.get(`${app.baseUrl}/api/v1/stations/OPS-1/certificate-requests`);
    expect((await csrs.json()).data).toEqual([expect.objectContaining({ csr: SIMULATOR_CSR })]);
    // Critical: it is also an alert on the Alerts page, until an operator resolves it.
    await page.goto(`${app.baseUrl}/alerts`);
    const alertRow = page.getByRole('row').filter({ hasText: 'OPS-1 reported a critical security event: TamperDetectionActivated' });
    await alertRow.getByText('Security event', { exact: true }).waitFor();
    const unknown = await page.request.get(`${app.baseUrl}/api/v1/stations/NOPE-1/security-events`);
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error.code).toBe('not_found');
  });

  it('disables the actions with a reason for a viewer and for an offline station', async () => {
    const viewerPage = await (await browser.newContext()).newPage();
    await signIn(viewerPage, viewer);
    await viewerPage.goto(`${app.baseUrl}/stations/OPS-1?tab=maintenance`);
    await viewerPage.getByText('Commands are disabled: Viewers cannot send commands.').waitFor();
    await expect(viewerPage.locator('[data-action="Reset"]').getByRole('button', { name: 'Reset' }).isDisabled()).resolves.toBe(true);
    await viewerPage.goto(`${app.baseUrl}/stations/OPS-1?tab=security`);
    await viewerPage.getByRole('table', { name: 'Security events' }).getByText('TamperDetectionActivated').waitFor();
    await expect(viewerPage.getByRole('heading', { name: 'Certificate signing requests' }).count()).resolves.toBe(0);
    expect((await viewerPage.request.get(`${app.baseUrl}/api/v1/stations/OPS-1/certificate-requests`)).status()).toBe(403);

    await page.goto(`${app.baseUrl}/stations/OPS-1?tab=maintenance`);
    await station.close({ force: true });
    await page.getByText('Commands are disabled: The station is offline.').waitFor();
    await expect(page.locator('[data-action="Reset"]').getByRole('button', { name: 'Reset' }).isDisabled()).resolves.toBe(true);
  });
});
