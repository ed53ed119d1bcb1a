import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStationScenario, type StationScenario } from '../support/station-scenario';

let scenario: StationScenario;
beforeAll(async () => {
  // The OCPP server's rollup task every 10 s, so the session below reaches the reports quickly.
  scenario = await startStationScenario({ stationId: 'ANA-1', idTag: 'RFID-ANA', env: { ANALYTICS_ROLLUP_INTERVAL: '10' } });
});
afterAll(() => scenario?.close());

describe('analytics in a browser', () => {
  it('shows a finished session in the energy report and downloads it as CSV', async () => {
    const { station, page, app } = scenario;
    // A session that happened during the last hour: 7 kWh over 50 minutes.
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const start = (await station.call('StartTransaction', { connectorId: 1, idTag: 'RFID-ANA', meterStart: 1000, timestamp: ago(60) })) as { transactionId: number };
    await station.call('MeterValues', {
      connectorId: 1,
      transactionId: start.transactionId,
      meterValue: [{ timestamp: ago(30), sampledValue: [{ measurand: 'Energy.Active.Import.Register', unit: 'Wh', value: '5000' }] }],
    });
    await station.call('StopTransaction', { transactionId: start.transactionId, meterStop: 8000, timestamp: ago(10), reason: 'Local' });

    await page.goto(`${app.baseUrl}/analytics?report=energy`);
    await page.getByRole('link', { name: 'energy', exact: true }).waitFor();
    // The scheduler folds the session into the rollups within a run or two; reload until it shows.
    for (let attempt = 0; attempt < 30 && (await page.locator('[data-stat="sessions"]').textContent()) !== '1'; attempt++) {
      await page.waitForTimeout(2000);
      await page.reload();
    }
    await expect(page.locator('[data-stat="sessions"]').textContent()).resolves.toBe('1');
    await expect(page.locator('[data-stat="energyKwh"]').textContent()).resolves.toBe('7');
    await page.getByRole('table', { name: 'energy table' }).getByText('ANA-1').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^energy-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')).toEqual(['stationId,sessions,energyKwh,avgDurationMinutes,avgEnergyKwh,peakPowerKw', 'ANA-1,1,7,50,7,0', '']);
  });

  it('lets an operator mark an exempt outage on the uptime tab', async () => {
    const { page, app } = scenario;
    const minute = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString().slice(0, 16);
    await page.goto(`${app.baseUrl}/analytics?report=uptime`);
    const form = page.getByRole('form', { name: 'Mark an exempt outage' });
    await form.getByLabel('Station').fill('ANA-1');
    await form.getByLabel('From (UTC)').fill(minute(120));
    await form.getByLabel('Until (UTC)').fill(minute(90));
    await form.getByLabel('Reason').fill('Grid maintenance');
    await form.getByRole('button', { name: 'Mark exempt' }).click();
    await page.getByText('Exemption for ANA-1 saved; uptime recomputed.').waitFor();
    await page.getByRole('table', { name: 'Exempt outages' }).getByText('Grid maintenance').waitFor();
  });
});
