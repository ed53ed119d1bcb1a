import type { Browser, Page } from 'playwright-core';
import type { RPCClient } from 'ocpp-rpc';
import { startApp, type AppProcess } from './app-process';
import { connectAppDatabase } from './app-database';
import { launchBrowser, signIn } from './browser';
import { boot, connectStation } from './ocpp-client';

export const scenarioAdmin = { email: 'ada@example.com', password: 'first admin password' };

export interface StationScenario {
  app: AppProcess;
  browser: Browser;
  /** Signed in as scenarioAdmin. */
  page: Page;
  /** Booted, connectors 0 and 1 Available. */
  station: RPCClient;
  close(): Promise<void>;
}

/**
 * The whole system started as `npm start` does, an admin seeded and signed in through the browser,
 * an id tag registered and one real OCPP 1.6 station connected and booted.
 */
export async function startStationScenario(input: { stationId: string; idTag: string; env?: Record<string, string> }): Promise<StationScenario> {
  const app = await startApp({ env: { ADMIN_EMAIL: scenarioAdmin.email, ADMIN_PASSWORD: scenarioAdmin.password, ...input.env } });
  const sql = connectAppDatabase(app);
  await sql`insert into id_tags (id_tag) values (${input.idTag})`;
  await sql.end();
  const station = await connectStation(app.ocppUrl, input.stationId);
  await boot(station);
  for (const connectorId of [0, 1]) await station.call('StatusNotification', { connectorId, status: 'Available', errorCode: 'NoError' });
  const browser = await launchBrowser();
  const page = await browser.newPage();
  await signIn(page, app.baseUrl, scenarioAdmin.email, scenarioAdmin.password);
  return {
    app,
    browser,
    page,
    station,
    async close() {
      await station.close({ force: true }).catch(() => {});
      await browser.close();
      await app.stop();
    },
  };
}
