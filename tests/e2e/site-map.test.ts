import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AppProcess } from '../support/app-process';
import { connectAppDatabase } from '../support/app-database';
import { startStationScenario, type StationScenario } from '../support/station-scenario';

let scenario: StationScenario;
let app: AppProcess;
let browser: Browser;
let page: Page;
let northId: string;
let southId: string;

beforeAll(async () => {
  // Tiles from a port where nothing listens: every tile fails at once and the markers must render anyway
  // (no network needed, and no test waiting on an unreachable tile server).
  scenario = await startStationScenario({ stationId: 'MAP-1', idTag: 'RFID-MAP', env: { MAP_TILE_URL: 'http://127.0.0.1:9/tiles/{z}/{x}/{y}.png' } });
  ({ app, browser, page } = scenario);
  const sql = connectAppDatabase(app);
  const [north] = await sql<{ id: string }[]>`insert into sites (name, latitude, longitude, time_zone) values ('Depot North', 53.55, 9.99, 'Europe/Berlin') returning id`;
  northId = north!.id;
  const [south] = await sql<{ id: string }[]>`insert into sites (name, latitude, longitude, time_zone) values ('Depot South', 48.14, 11.58, 'Europe/Berlin') returning id`;
  southId = south!.id;
  await sql`insert into sites (name, time_zone) values ('Nowhere Yard', 'UTC')`;
  await sql`insert into station_sites (station_id, site_id) values ('MAP-1', ${northId})`;
  await sql.end();
});
afterAll(async () => {
  await scenario?.close();
});

describe('site map in a browser', () => {
  it('shows one marker per site with coordinates, coloured by status, without tiles', async () => {
    await page.goto(`${app.baseUrl}/sites`);
    await expect.poll(() => page.locator('img.leaflet-tile').count()).toBeGreaterThan(0); // tiles were asked for (and failed)
    await page.getByRole('region', { name: 'Map of sites' }).waitFor();
    await page.locator('path.site-marker').nth(1).waitFor();
    expect(await page.locator('path.site-marker').count()).toBe(2);
    expect(await page.locator('path.site-marker-online').count()).toBe(1);
    expect(await page.locator('path.site-marker-empty').count()).toBe(1);
    await page.getByText('1 site without coordinates not shown').waitFor();
  });

  it('opens a popup with the counts and a link to the site on click', async () => {
    await page.locator('path.site-marker-online').click();
    const popup = page.locator('.leaflet-popup-content');
    await popup.getByText('1 station: 1 online, 0 offline, 0 charging, 0 faulted').waitFor();
    await popup.getByText('Status: all online').waitFor();
    await Promise.all([page.waitForURL(`${app.baseUrl}/sites/${northId}`, { waitUntil: 'commit' }), popup.getByRole('link', { name: 'Open Depot North' }).click()]);
    await page.getByRole('heading', { name: 'Depot North' }).waitFor();
  });
});

describe('dashboard by site and settings in a browser', () => {
  it('filters the stations list by site', async () => {
    await page.goto(`${app.baseUrl}/stations`);
    await page.locator('[data-station="MAP-1"]').waitFor();
    await page.getByLabel('Site').selectOption({ label: 'Depot South' });
    await page.getByText('0 stations').waitFor();
    await page.getByLabel('Site').selectOption({ label: 'Depot North' });
    await page.locator('[data-station="MAP-1"]').waitFor();
    await page.getByText('1 station', { exact: true }).waitFor();
  });

  it('opens the overview with the fleet power history and the revenue figure', async () => {
    await page.goto(`${app.baseUrl}/`);
    await page.locator('[data-stat="Revenue today"]').waitFor();
    // 6 hours of 5-minute buckets from the database (72 or 73 points), plus live points.
    await page.locator('[role="img"][data-points]').waitFor();
    await expect.poll(async () => Number(await page.locator('[role="img"][data-points]').getAttribute('data-points'))).toBeGreaterThanOrEqual(72);
  });

  it('lets an admin change the alert thresholds', async () => {
    await page.goto(`${app.baseUrl}/settings`);
    await page.getByLabel('Station offline after (minutes)').fill('12');
    await page.getByLabel('Longest session (hours)').fill('8');
    await page.getByRole('button', { name: 'Save thresholds' }).click();
    await page.getByText('Alert thresholds saved').waitFor();
    await page.reload();
    expect(await page.getByLabel('Station offline after (minutes)').inputValue()).toBe('12');
    expect(await page.getByLabel('Longest session (hours)').inputValue()).toBe('8');
  });

  it('filters the sessions page by site, live sessions included', async () => {
    const start = (await scenario.station.call('StartTransaction', { connectorId: 1, idTag: 'RFID-MAP', meterStart: 0, timestamp: new Date().toISOString() })) as { idTagInfo: { status: string } };
    expect(start.idTagInfo.status).toBe('Accepted');
    await page.goto(`${app.baseUrl}/sessions?siteId=${northId}`);
    await page.getByRole('table', { name: 'Live sessions' }).getByText('MAP-1').waitFor();
    expect(await page.getByLabel('Site').inputValue()).toBe(northId);
    await page.getByLabel('Site').selectOption({ label: 'Depot South' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(new RegExp(`siteId=${southId}`));
    await page.getByText('No session is running.').waitFor();
  });
});
