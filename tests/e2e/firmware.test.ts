import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type AppProcess } from '../support/app-process';
import { launchBrowser, signIn } from '../support/browser';
import { registerCsmsCommands } from '../../scripts/simulator/csms-commands';
import { VirtualStation } from '../../scripts/simulator/virtual-station';

// An admin uploads a firmware file in the browser and rolls it out to a simulated station, which
// downloads it from the CSMS over HTTP and reports Downloading … Installed; the page follows live.
let app: AppProcess;
let browser: Browser;
let page: Page;
let station: VirtualStation;
const admin = { email: 'fern@example.com', password: 'first admin password' };
const firmware = Buffer.from(`SIMFW 3.1.0 ${'x'.repeat(50_000)}`);

beforeAll(async () => {
  app = await startApp({ env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password } });
  const stats = { connected: 0, calls: 0, callErrors: 0, sessionsStarted: 0, sessionsCompleted: 0, meterValues: 0 };
  station = new VirtualStation({ url: app.ocppUrl, identity: 'SIM-FW', connectors: 1, meterIntervalS: 60, speed: 1, idleS: [3600, 3600], idTags: [], log: () => {}, stats });
  registerCsmsCommands(station);
  await station.start();
  browser = await launchBrowser();
  page = await browser.newPage();
  await signIn(page, app.baseUrl, admin.email, admin.password);
});
afterAll(async () => {
  await station?.stop();
  await browser?.close();
  await app?.stop();
});

it('uploads a firmware file, starts a campaign for a simulated station and sees it reach Installed', async () => {
  await page.goto(`${app.baseUrl}/maintenance/firmware`);
  const upload = page.getByRole('form', { name: 'Upload firmware' });
  await upload.getByLabel('Vendor', { exact: true }).fill('CSMS-Sim');
  await upload.getByLabel('Model', { exact: true }).fill('Sim-1C');
  await upload.getByLabel('Version', { exact: true }).fill('3.1.0');
  await upload.getByLabel('File').setInputFiles({ name: 'sim-3.1.0.bin', mimeType: 'application/octet-stream', buffer: firmware });
  await upload.getByRole('button', { name: 'Upload firmware' }).click();
  await upload.getByRole('status').getByText('Uploaded version 3.1.0').waitFor();
  const files = page.getByRole('table', { name: 'Firmware files' });
  await files.getByRole('row').filter({ hasText: 'sim-3.1.0.bin' }).waitFor();

  const form = page.getByRole('form', { name: 'New campaign' });
  await form.getByLabel('Campaign name').fill('Sim 3.1.0 rollout');
  await form.getByLabel('Firmware', { exact: true }).selectOption({ label: 'CSMS-Sim Sim-1C 3.1.0' });
  await form.getByLabel('Station model').fill('Sim-1C');
  await form.getByRole('button', { name: 'Start campaign' }).click();
  await page.waitForURL(/\/maintenance\/firmware\/campaigns\/\d+$/);
  await page.getByRole('heading', { name: 'Sim 3.1.0 rollout' }).waitFor();

  // Live: FirmwareStatusNotifications arrive as events; no reload.
  await page.getByTestId('campaign-state').getByText('completed', { exact: true }).waitFor({ timeout: 60_000 });
  const row = page.getByRole('table', { name: 'Stations' }).locator('[data-station="SIM-FW"]');
  await row.getByText('installed', { exact: true }).waitFor();
  expect(await row.innerText()).toContain('(1×)'); // downloaded once, from the CSMS
  expect(await page.locator('[data-count="installed"]').innerText()).toBe('1');
  await page.getByRole('progressbar', { name: 'Stations done' }).and(page.locator('[aria-valuenow="1"]')).waitFor();
  // A finished campaign offers only a retry of failures, no pause or cancel.
  expect(await page.getByRole('button', { name: 'Cancel' }).count()).toBe(0);
});

it('cancels a scheduled campaign after confirmation', async () => {
  await page.goto(`${app.baseUrl}/maintenance/firmware`);
  const form = page.getByRole('form', { name: 'New campaign' });
  await form.getByLabel('Campaign name').fill('Tonight');
  await form.getByLabel('Station model').fill('Sim-1C');
  await form.getByLabel('Start (UTC)').fill('2099-01-01T02:00');
  await form.getByRole('button', { name: 'Start campaign' }).click();
  await page.getByRole('heading', { name: 'Tonight' }).waitFor();
  await page.getByTestId('campaign-state').getByText('scheduled', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('alertdialog', { name: 'Cancel Tonight?' }).getByRole('button', { name: 'Cancel campaign' }).click();
  await page.getByTestId('campaign-state').getByText('cancelled', { exact: true }).waitFor();
  expect(await page.locator('[data-count="pending"]').innerText()).toBe('1');
});
