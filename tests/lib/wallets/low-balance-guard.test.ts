import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { addEnergyReadings, addStations, utc } from '../billing/fixtures';
import { systemActor } from '@/lib/auth/roles';
import { insertDriver } from '@/lib/db/queries/drivers';
import { upsertIdTag } from '@/lib/db/queries/id-tags';
import type { Transaction } from '@/lib/db/schema';
import { createCommand } from '@/lib/commands/create-command';
import { getLowBalanceStop } from '@/lib/db/queries/low-balance-stops';
import { upsertServiceHeartbeat } from '@/lib/db/queries/service-heartbeats';
import { createTariff } from '@/lib/tariffs/create-tariff';
import { startTransaction } from '@/lib/transactions/start-transaction';
import { createLowBalanceGuard } from '@/lib/wallets/low-balance-guard';
import { setLowBalanceStop } from '@/lib/wallets/low-balance-stop-setting';
import { createWallet, topUpWallet } from '@/lib/wallets/wallet-ledger';

let t: TestDatabase;
const wallets: Record<string, string> = {};
let connector = 0;
const now = utc('12:00');

// €0.25/kWh + 19 % VAT: 10 kWh = €2.98 gross, 12 kWh = €3.57.
beforeAll(async () => {
  t = await createTestDatabase();
  await addStations(t.db, 'LB-1');
  await createTariff(t.db, systemActor, { name: 'Energy', isDefault: true, tariff: { currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY', price: 0.25, vat: 19, step_size: 1 }] }] } }, utc('00:00', '2026-01-01'));
  for (const [tag, allowNegative] of [['STRICT', false], ['OVERDRAFT', true]] as const) {
    const driver = await insertDriver(t.db, { name: tag }, new Date());
    await upsertIdTag(t.db, { idTag: tag, driverId: driver.id, maxConcurrentTx: null });
    wallets[tag] = (await createWallet(t.db, systemActor, { driverId: driver.id, currency: 'EUR', allowNegative })).id;
    await topUpWallet(t.db, systemActor, wallets[tag]!, { amount: 300 }, utc('07:00'));
  }
  await upsertIdTag(t.db, { idTag: 'PLAIN', driverId: (await insertDriver(t.db, { name: 'plain' }, new Date())).id, maxConcurrentTx: null });
});
afterAll(() => t?.drop());

async function session(idTag: string, wh: number): Promise<Transaction> {
  connector += 1;
  const { transaction } = await startTransaction(t.db, { stationId: 'LB-1', request: { connectorId: connector, idTag, meterStart: 0, timestamp: utc('10:00').toISOString() }, now: utc('10:00') });
  await addEnergyReadings(t.db, transaction, [[utc('11:00'), wh]]);
  return transaction;
}

function guard() {
  const requested: number[] = [];
  const instance = createLowBalanceGuard({
    db: t.db,
    now: () => now,
    settingTtlMs: 0,
    balanceTtlMs: 60_000,
    // The command path as it is: LB-1 has no socket, so the command row is answered offline at once.
    requestStop: async ({ stationId, transactionId }) => {
      requested.push(transactionId);
      return createCommand({ db: t.db }, systemActor, { stationId, action: 'RemoteStopTransaction', payload: { transactionId } });
    },
  });
  return { check: instance.check, requested };
}

it('is off by default: nothing is checked or stopped', async () => {
  const over = await session('STRICT', 12_000);
  const { check, requested } = guard();
  expect(await check(over.id)).toBe('disabled');
  expect(requested).toEqual([]);
});

it('when on: stops a wallet-paid session once its cost reaches the balance, once across nodes; others never', async () => {
  await setLowBalanceStop(t.db, systemActor, true);
  const node1 = guard();
  const node2 = guard();
  const within = await session('STRICT', 10_000);
  const over = await session('STRICT', 12_000);
  expect(await node1.check(within.id)).toBe('within_balance');
  expect(await node1.check(over.id)).toBe('stop_requested');
  expect(await node1.check(over.id)).toBe('already_requested');
  expect(await node2.check(over.id)).toBe('already_requested');
  expect([node1.requested, node2.requested]).toEqual([[over.id], []]);
  expect(await getLowBalanceStop(t.db, over.id)).toMatchObject({ costSoFar: 357, balance: 300, requestedAt: now, outcome: 'offline: The station is not connected', commandId: expect.any(Number) });
  expect(await node1.check((await session('PLAIN', 50_000)).id)).toBe('no_wallet');
  expect(await node1.check((await session('OVERDRAFT', 50_000)).id)).toBe('no_limit');
  expect(await node1.check(null)).toBe('no_transaction');
});

it('re-reads a cached balance before deciding: a top-up during the session keeps it going', async () => {
  const { check, requested } = guard();
  const growing = await session('STRICT', 5000);
  expect(await check(growing.id)).toBe('within_balance'); // balance 300 cached
  await topUpWallet(t.db, systemActor, wallets.STRICT!, { amount: 1000 }, utc('11:30'));
  await addEnergyReadings(t.db, growing, [[utc('11:40'), 12_000]]); // €3.57: over the cached €3.00, under the real €13.00
  expect(await check(growing.id)).toBe('within_balance');
  expect(requested).toEqual([]);
});

it('looks again when samples arrive during a check: the last MeterValues of a burst is never left unchecked', async () => {
  const growing = await session('STRICT', 1000);
  let evaluations = 0;
  const instance = createLowBalanceGuard({ db: t.db, now: () => (evaluations += 1, now), settingTtlMs: 0, requestStop: async () => { throw new Error('not expected'); } });
  const running = instance.check(growing.id);
  expect(await instance.check(growing.id)).toBe('busy');
  expect(await instance.check(growing.id)).toBe('busy'); // two more samples during the check: one more look
  expect(await running).toBe('within_balance');
  expect(evaluations).toBe(2);
  expect(await instance.check(growing.id)).toBe('within_balance');
  expect(evaluations).toBe(3);
});

it('sends a stop that found the station offline once more when the station is back: once across nodes, recorded', async () => {
  // The wallet holds €13.00 now; 50 kWh cost €14.88.
  const node1 = guard();
  const node2 = guard();
  const over = await session('STRICT', 50_000);
  expect(await node1.check(over.id)).toBe('stop_requested');
  expect(await getLowBalanceStop(t.db, over.id)).toMatchObject({ outcome: 'offline: The station is not connected', retriedAt: null });
  expect(await node1.check(over.id)).toBe('already_requested'); // still away: nothing sent
  expect(await node2.check(over.id)).toBe('already_requested');
  // Online again, but on a node whose heartbeat is stale: the command path would still answer offline.
  await upsertServiceHeartbeat(t.db, { serviceId: 'ocpp:node-b', kind: 'ocpp', startedAt: utc('06:00'), at: new Date(Date.now() - 120_000) });
  await t.db.execute(sql`update stations set online = true, node_id = 'node-b' where id = 'LB-1'`);
  try {
    expect(await node1.check(over.id)).toBe('already_requested');
    await upsertServiceHeartbeat(t.db, { serviceId: 'ocpp:node-b', kind: 'ocpp', startedAt: utc('06:00'), at: new Date() });
    expect((await Promise.all([node1.check(over.id), node2.check(over.id)])).sort()).toEqual(['already_requested', 'stop_retried']);
    expect([...node1.requested, ...node2.requested]).toEqual([over.id, over.id]);
    const stop = await getLowBalanceStop(t.db, over.id);
    // The command path now queues it for node-b (no socket in this test, so it stays queued): recorded beside the first.
    expect(stop).toMatchObject({ retriedAt: now, retryOutcome: 'queued', retryCommandId: expect.any(Number) });
    expect(stop!.retryCommandId).not.toBe(stop!.commandId);
    expect([await node1.check(over.id), await node2.check(over.id), await guard().check(over.id)]).toEqual(['already_requested', 'already_requested', 'already_requested']);
    expect([...node1.requested, ...node2.requested]).toHaveLength(2);
  } finally {
    await t.db.execute(sql`update stations set online = false, node_id = null where id = 'LB-1'`);
  }
});
