import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RPCClient } from 'ocpp-rpc';
import { startApp, type AppProcess } from '../support/app-process';
import { launchBrowser, signIn } from '../support/browser';
import { boot, connectStation } from '../support/ocpp-client';

let app: AppProcess;
let browser: Browser;
let page: Page;
let station: RPCClient;
const admin = { email: 'sam@example.com', password: 'first admin password' };
const operator = { email: 'olga@example.com', password: 'operator password 1' };
const authorize = async (idTag: string) => ((await station.call('Authorize', { idTag })) as { idTagInfo: { status: string } }).idTagInfo.status;

beforeAll(async () => {
  app = await startApp({ env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password } });
  station = await connectStation(app.ocppUrl, 'DRV-1');
  await boot(station);
  await station.call('StatusNotification', { connectorId: 1, status: 'Available', errorCode: 'NoError' });
  browser = await launchBrowser();
  const adminPage = await browser.newPage();
  await signIn(adminPage, app.baseUrl, admin.email, admin.password);
  const created = await adminPage.request.post(`${app.baseUrl}/api/v1/users`, { data: { ...operator, name: 'Olga Operator', role: 'operator' } });
  expect(created.status()).toBe(201);
  page = await (await browser.newContext()).newPage();
  await signIn(page, app.baseUrl, operator.email, operator.password);
});
afterAll(async () => {
  await station?.close({ force: true }).catch(() => {});
  await browser?.close();
  await app?.stop();
});

describe('drivers and tags in a browser', () => {
  it('an operator adds a driver and gives them a tag, with field errors until the value is right', async () => {
    await page.goto(`${app.baseUrl}/drivers`);
    await page.getByText('No drivers yet').waitFor();
    await page.getByLabel('Name').fill('Dana Driver');
    await page.getByLabel('Company or fleet').fill('Acme Fleet');
    await page.getByLabel('Email').fill('not an email');
    await page.getByRole('button', { name: 'Add driver' }).click();
    await page.locator('#field-email-error').getByText('must be a valid email address').waitFor();
    await page.getByLabel('Email').fill('dana@example.com');
    await page.getByRole('button', { name: 'Add driver' }).click();
    await page.getByRole('heading', { name: 'Dana Driver', level: 1 }).waitFor();

    await page.getByLabel('Tag value (idTag)').fill('E2E TAG 1');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await page.locator('#field-idTag-error').getByText('may contain only letters, digits and - _ . : * + = @ ~').waitFor();
    await page.getByLabel('Tag value (idTag)').fill('E2E-Tag-1');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await page.getByText('Tag E2E-Tag-1 registered.').waitFor();
    await page.locator('[data-id-tag="E2E-Tag-1"]').getByText('Accepted').waitFor();
    expect(await authorize('E2E-Tag-1')).toBe('Accepted');
    expect(await authorize('E2E-TAG-1')).toBe('Invalid');
  });

  it('blocks the tag after a confirmation, and the station is then told Blocked', async () => {
    await page.getByRole('checkbox', { name: 'Select E2E-Tag-1' }).check();
    await page.getByRole('button', { name: 'Block selected', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('Block 1 tag?').waitFor();
    await dialog.getByRole('button', { name: 'Block', exact: true }).click();
    await page.getByText('1 tag blocked.').waitFor();
    await page.locator('[data-id-tag="E2E-Tag-1"]').getByText('Blocked').waitFor();
    expect(await authorize('E2E-Tag-1')).toBe('Blocked');
  });

  it('lists the tag with its status on the tag page and prints a QR sticker per connector', async () => {
    await page.goto(`${app.baseUrl}/drivers/tags?search=e2e`);
    await page.getByRole('table', { name: 'Id tags' }).locator('[data-id-tag="E2E-Tag-1"]').getByText('Dana Driver').waitFor();
    await page.goto(`${app.baseUrl}/drivers/stickers`);
    await page.locator('[data-sticker="DRV-1/1"]').getByText(`${app.baseUrl}/c/DRV-1/1`).waitFor();
    const png = await page.request.get(`${app.baseUrl}/drivers/stickers/png/DRV-1/1`);
    expect(png.headers()['content-type']).toBe('image/png');
    const print = await page.request.get(`${app.baseUrl}/drivers/stickers/print?station=DRV-1`);
    expect(await print.text()).toContain('DRV-1 · connector 1');
  });
});
