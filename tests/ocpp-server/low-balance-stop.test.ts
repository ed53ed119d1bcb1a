import type { RPCClient } from 'ocpp-rpc';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { boot, connectStation } from '../support/ocpp-client';
import { systemActor } from '@/lib/auth/roles';
import { insertDriver } from '@/lib/db/queries/drivers';
import { upsertIdTag } from '@/lib/db/queries/id-tags';
import { getLowBalanceStop } from '@/lib/db/queries/low-balance-stops';
import { createTariff } from '@/lib/tariffs/create-tariff';
import { setLowBalanceStop } from '@/lib/wallets/low-balance-stop-setting';
import { createWallet, topUpWallet } from '@/lib/wallets/wallet-ledger';

let t: TestDatabase;
let server: OcppServerProcess;
let station: RPCClient;
const stops: { transactionId: number }[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  // €0.25/kWh + 19 % VAT, the default everywhere: 10 kWh = €2.98 gross, 11 kWh = €3.27 gross.
  const tariff = { currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY' as const, price: 0.25, vat: 19, step_size: 1 }] }] };
  await createTariff(t.db, systemActor, { name: 'Default', isDefault: true, tariff }, new Date(Date.now() - 86_400_000));
  const payer = await insertDriver(t.db, { name: 'Low Balance' }, new Date());
  await upsertIdTag(t.db, { idTag: 'LOW-TAG', driverId: payer.id, maxConcurrentTx: null });
  const walletId = (await createWallet(t.db, systemActor, { driverId: payer.id, currency: 'EUR' })).id;
  await topUpWallet(t.db, systemActor, walletId, { amount: 300 });
  await upsertIdTag(t.db, { idTag: 'NO-WALLET', driverId: (await insertDriver(t.db, { name: 'Pays Later' }, new Date())).id, maxConcurrentTx: null });
  await setLowBalanceStop(t.db, systemActor, true);
  server = await startOcppServer({ databaseUrl: t.url });
  station = await connectStation(server.url, 'LOWBAL-1');
  station.handle('RemoteStopTransaction', async ({ params }) => {
    stops.push(params as { transactionId: number });
    return { status: 'Accepted' };
  });
  await boot(station);
});
afterAll(async () => {
  await station?.close();
  await server?.stop();
  await t?.drop();
});

const at = (minutes: number) => new Date(Date.now() - 60 * 60_000 + minutes * 60_000).toISOString();
const meter = (connectorId: number, transactionId: number, minutes: number, wh: number) =>
  station.call('MeterValues', { connectorId, transactionId, meterValue: [{ timestamp: at(minutes), sampledValue: [{ measurand: 'Energy.Active.Import.Register', unit: 'Wh', value: String(wh) }] }] });
const start = async (connectorId: number, idTag: string) => ((await station.call('StartTransaction', { connectorId, idTag, meterStart: 0, timestamp: at(0) })) as { transactionId: number }).transactionId;

async function until<T>(read: () => Promise<T | undefined> | T | undefined, what: string): Promise<T> {
  for (let tries = 0; tries < 200; tries += 1) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

it('sends RemoteStopTransaction exactly once when the cost so far reaches the wallet balance, and records why', async () => {
  const paid = await start(1, 'LOW-TAG');
  const other = await start(2, 'NO-WALLET');
  await meter(1, paid, 10, 5000);
  await meter(1, paid, 20, 10_000); // €2.98 < €3.00: goes on
  await meter(2, other, 20, 50_000); // no wallet: never stopped
  await meter(1, paid, 30, 11_000); // €3.27 ≥ €3.00: stop
  await until(() => (stops.length > 0 ? stops : undefined), 'RemoteStopTransaction');
  expect(stops).toEqual([{ transactionId: paid }]);
  // Still charging while the stop is under way: more samples, another session's too, no second request.
  await meter(1, paid, 31, 11_500);
  await meter(1, paid, 32, 12_000);
  await meter(2, other, 32, 60_000);
  const recorded = await until(async () => {
    const row = await getLowBalanceStop(t.db, paid);
    return row?.outcome ? row : undefined;
  }, 'the stop outcome');
  expect(recorded).toMatchObject({ costSoFar: 327, balance: 300, currency: 'EUR', commandId: expect.any(Number) });
  expect(recorded.outcome).toMatch(/^completed: .*Accepted/);
  await new Promise((resolve) => setTimeout(resolve, 1000)); // give a wrong second check the time to show itself
  expect(stops).toEqual([{ transactionId: paid }]);
  const commands = (await t.db.execute(sql`select station_id, payload from commands where action = 'RemoteStopTransaction'`)) as unknown as { station_id: string; payload: unknown }[];
  expect(commands).toEqual([{ station_id: 'LOWBAL-1', payload: { transactionId: paid } }]);
  expect(await getLowBalanceStop(t.db, other)).toBeUndefined();
  // The station stops: the session ends normally (reason Remote).
  await station.call('StopTransaction', { transactionId: paid, meterStop: 12_000, timestamp: at(33), reason: 'Remote' });
});

it('sends a stop that found the station away once more when it is back: on its next MeterValues, once, recorded', async () => {
  const paid = await start(3, 'LOW-TAG');
  await meter(3, paid, 10, 5000);
  // The stop was decided as the station dropped off: RemoteStopTransaction was answered offline.
  await t.db.execute(sql`insert into low_balance_stops (transaction_id, wallet_id, currency, cost_so_far, balance, requested_at, outcome)
    select ${paid}, w.id, 'EUR', 327, 300, now(), 'offline: The station is not connected' from wallets w join drivers d on d.id = w.driver_id where d.name = 'Low Balance'`);
  await station.close();
  station = await connectStation(server.url, 'LOWBAL-1');
  station.handle('RemoteStopTransaction', async ({ params }) => {
    stops.push(params as { transactionId: number });
    return { status: 'Accepted' };
  });
  await boot(station);
  const before = stops.length;
  await meter(3, paid, 40, 11_000); // queued while away, sent now that it is back
  await until(() => (stops.length > before ? stops : undefined), 'the retried RemoteStopTransaction');
  const retried = await until(async () => {
    const row = await getLowBalanceStop(t.db, paid);
    return row?.retryOutcome ? row : undefined;
  }, 'the retry outcome');
  expect(retried).toMatchObject({ outcome: 'offline: The station is not connected', retriedAt: expect.any(Date), retryCommandId: expect.any(Number) });
  expect(retried.retryOutcome).toMatch(/^completed: .*Accepted/);
  await meter(3, paid, 41, 11_500);
  await new Promise((resolve) => setTimeout(resolve, 1000)); // give a wrong third attempt the time to show itself
  expect(stops.slice(before)).toEqual([{ transactionId: paid }]);
});
