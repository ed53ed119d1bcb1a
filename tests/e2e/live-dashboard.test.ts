import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RPCClient } from 'ocpp-rpc';
import type { AppProcess } from '../support/app-process';
import { signIn as signInAt } from '../support/browser';
import { startStationScenario, type StationScenario } from '../support/station-scenario';

let scenario: StationScenario;
let app: AppProcess;
let browser: Browser;
let page: Page;
let station: RPCClient;
let transactionId: number;
const signIn = (target: Page, email: string, password: string) => signInAt(target, app.baseUrl, email, password);

const meter = (connectorId: number, watts: number, wattHours: number) =>
  station.call('MeterValues', {
    connectorId,
    transactionId,
    meterValue: [
      {
        timestamp: new Date().toISOString(),
        sampledValue: [
          { measurand: 'Power.Active.Import', unit: 'W', value: String(watts) },
          { measurand: 'Energy.Active.Import.Register', unit: 'Wh', value: String(wattHours) },
        ],
      },
    ],
  });

beforeAll(async () => {
  scenario = await startStationScenario({ stationId: 'LIVE-1', idTag: 'RFID-LIVE', env: { ALERT_EVALUATION_INTERVAL: '1', ALERT_OFFLINE_MINUTES: '0' } });
  ({ app, browser, page, station } = scenario);
});
afterAll(async () => {
  await scenario?.close();
});

describe('live dashboard in a browser', () => {
  it('shows a connector start charging and its power without a reload', async () => {
    await page.goto(`${app.baseUrl}/stations/LIVE-1`);
    const connector = page.locator('[data-connector="1"]');
    await connector.getByText('Available').waitFor();
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();

    const start = (await station.call('StartTransaction', { connectorId: 1, idTag: 'RFID-LIVE', meterStart: 1000, timestamp: new Date().toISOString() })) as {
      transactionId: number;
      idTagInfo: { status: string };
    };
    expect(start.idTagInfo.status).toBe('Accepted');
    transactionId = start.transactionId;
    await station.call('StatusNotification', { connectorId: 1, status: 'Charging', errorCode: 'NoError' });
    await meter(1, 11_000, 2000);

    await connector.getByText('Charging').waitFor();
    await connector.getByText('11.0 kW').waitFor();
    await expect(connector.getByText('1.00 kWh').isVisible()).resolves.toBe(true);
  });

  it('moves the overview power figure and chart as meter values arrive', async () => {
    await page.goto(`${app.baseUrl}/`);
    await page.locator('[data-stat="Power now"]').getByText('11.0 kW').waitFor();
    await meter(1, 22_000, 4000);
    await page.locator('[data-stat="Power now"]').getByText('22.0 kW').waitFor();
    await page.getByRole('img', { name: 'Fleet power, now 22.0 kW' }).waitFor();
    await expect(page.getByRole('table', { name: 'Live sessions' }).getByText('LIVE-1').isVisible()).resolves.toBe(true);
  });

  it('raises an alert for a faulted connector, counted in the sidebar, with the error code', async () => {
    await station.call('StatusNotification', { connectorId: 2, status: 'Faulted', errorCode: 'GroundFailure', vendorErrorCode: 'E-17' });
    await page.getByLabel('1 open alerts').waitFor();
    await page.getByRole('link', { name: /Alerts/ }).click();
    await page.getByText('LIVE-1 connector 2 faulted: GroundFailure (vendor code E-17)').waitFor();
    await page.getByRole('row').filter({ hasText: 'connector 2 faulted' }).getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByText(/Acknowledged by ada@example.com/).waitFor();
  });

  it('shows the station offline when it disconnects, and raises an offline alert', async () => {
    await page.goto(`${app.baseUrl}/stations/LIVE-1`);
    await page.getByText(/^Online · last seen/).waitFor();
    await station.close({ force: true });
    await page.getByText(/^Offline · last seen/).waitFor();
    await page.goto(`${app.baseUrl}/stations`);
    await page.locator('[data-station="LIVE-1"]').getByText('Offline').waitFor();
    await page.getByLabel('2 open alerts').waitFor();
    await page.goto(`${app.baseUrl}/alerts`);
    await page.getByText(/^LIVE-1 offline for \d+ min$/).waitFor();
  });

  it('lets a viewer see the dashboard but not change a station', async () => {
    const response = await page.request.post(`${app.baseUrl}/api/v1/users`, {
      data: { email: 'vera@example.com', name: 'Vera Viewer', password: 'viewer password 1', role: 'viewer' },
    });
    expect(response.status()).toBe(201);
    const viewerPage = await (await browser.newContext()).newPage();
    await signIn(viewerPage, 'vera@example.com', 'viewer password 1');
    await viewerPage.goto(`${app.baseUrl}/stations/LIVE-1`);
    await viewerPage.getByText('Only admins can change these.').waitFor();
    await expect(viewerPage.getByRole('button', { name: 'Save credentials' }).count()).resolves.toBe(0);
    await expect(viewerPage.locator('[data-connector="1"]').isVisible()).resolves.toBe(true);
  });
});
