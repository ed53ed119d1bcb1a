import { createDb } from '../lib/db/client';
import { childProcessEnv } from '../lib/env';
import { createApiToken } from '../lib/api-tokens/create-api-token';
import { systemActor } from '../lib/auth/roles';
import { ensureNextBuild } from '../lib/runtime/next-build';
import { startApp } from '../tests/support/app-process';
import { appDatabaseUrl, connectAppDatabase } from '../tests/support/app-database';
import { runB3, type B3Result } from './b3-live';
import { measureStationsPage, seedStations, type RenderResult } from './stations-render';

const admin = { email: 'bench@example.com', password: 'bench admin password' };

/**
 * `npm run bench -- live`: the whole system as `npm start` runs it (embedded PostgreSQL, OCPP
 * server, built web app), then B3 (status → SSE latency) and the stations page in Chromium.
 */
export async function runLiveBench(input: { stations: number; renderStations: number; seconds: number; statusRate: number }): Promise<{ b3: B3Result; render: RenderResult }> {
  await ensureNextBuild((line) => console.log(`[build] ${line}`), childProcessEnv({ NODE_ENV: 'production' }));
  // Timers that would add load unrelated to the measure run rarely.
  const app = await startApp({ env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, OCPP_HEARTBEAT_INTERVAL: '3600', ALERT_EVALUATION_INTERVAL: '3600' } });
  const db = createDb(appDatabaseUrl(app), { max: 2 });
  try {
    const { token } = await createApiToken(db, systemActor, { name: 'bench', role: 'viewer' });
    console.log(`B3: ${input.stations} stations changing status at ${input.statusRate}/s for ${input.seconds} s, one SSE client…`);
    const b3 = await runB3({ ocppUrl: app.ocppUrl, eventsUrl: `${app.baseUrl}/api/v1/events`, token, stations: input.stations, seconds: input.seconds, ratePerSecond: input.statusRate });
    console.log(`B3: ${JSON.stringify(b3)}`);
    console.log(`stations page: seeding ${input.renderStations} stations, then Chromium…`);
    // B3's stations stay (deleting them while the OCPP server records their disconnects deadlocks): they are listed too.
    const sql = connectAppDatabase(app);
    await seedStations(sql, input.renderStations);
    const [{ total }] = (await sql`select count(*)::int as total from stations`) as unknown as [{ total: number }];
    await sql.end();
    const render = await measureStationsPage({ baseUrl: app.baseUrl, email: admin.email, password: admin.password, expectedTotal: total });
    return { b3, render };
  } finally {
    await db.$client.end();
    await app.stop();
  }
}
