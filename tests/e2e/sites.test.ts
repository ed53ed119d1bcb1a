import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RPCClient } from 'ocpp-rpc';
import { startApp, type AppProcess } from '../support/app-process';
import { launchBrowser } from '../support/browser';
import { boot, connectStation } from '../support/ocpp-client';

let app: AppProcess;
let browser: Browser;
let page: Page;
let station: RPCClient;
const admin = { email: 'sam@example.com', password: 'first admin password' };

beforeAll(async () => {
  app = await startApp({ env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password } });
  station = await connectStation(app.ocppUrl, 'SITE-1');
  await boot(station);
  for (const connectorId of [0, 1]) await station.call('StatusNotification', { connectorId, status: 'Available', errorCode: 'NoError' });
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(`${app.baseUrl}/login`);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${app.baseUrl}/`);
});
afterAll(async () => {
  await station?.close({ force: true }).catch(() => {});
  await browser?.close();
  await app?.stop();
});

describe('sites in a browser', () => {
  it('creates a site, showing field errors next to the fields until they are right', async () => {
    await page.goto(`${app.baseUrl}/sites`);
    await page.getByText('No sites yet').waitFor();
    await page.getByLabel('Name').fill('Depot');
    await page.getByLabel('Time zone').fill('Mars/Olympus');
    await page.getByLabel('Latitude').fill('52.52');
    await page.getByRole('button', { name: 'Add site' }).click();
    await page.locator('#field-timeZone-error').getByText('must be an IANA time zone such as Europe/Berlin').waitFor();
    await expect(page.getByLabel('Name').inputValue()).resolves.toBe('Depot');

    await page.getByLabel('Time zone').fill('europe/berlin');
    await page.getByRole('button', { name: 'Add site' }).click();
    await page.locator('#field-longitude-error').getByText('is required with latitude').waitFor();
    await page.getByLabel('Longitude').fill('13.40');
    await page.getByRole('button', { name: 'Add site' }).click();
    await page.getByText('Site Depot created.').waitFor();
    await page.locator('[data-site="Depot"]').getByText('Europe/Berlin').waitFor();
  });

  it('assigns a station and shows the site status change live', async () => {
    await page.locator('[data-site="Depot"]').getByRole('link', { name: 'Depot' }).click();
    await page.getByRole('heading', { name: 'Depot', level: 1 }).waitFor();
    await page.getByRole('checkbox', { name: 'SITE-1' }).check();
    await page.getByRole('button', { name: 'Save stations' }).click();
    await page.getByText('1 station at this site.').waitFor();
    await page.getByRole('table', { name: 'Stations of this site' }).getByText('SITE-1').waitFor();

    await page.goto(`${app.baseUrl}/sites`);
    const row = page.locator('[data-site="Depot"]');
    await row.getByText('1 online').waitFor();
    await row.getByText('0 charging').waitFor();
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await station.call('StatusNotification', { connectorId: 1, status: 'Charging', errorCode: 'NoError' });
    await row.getByText('1 charging').waitFor();
  });
});
