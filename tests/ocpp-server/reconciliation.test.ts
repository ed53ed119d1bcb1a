import { sql } from 'drizzle-orm';
import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { boot, connectStation } from '../support/ocpp-client';
import { eventually } from '../support/eventually';
import { systemActor } from '@/lib/auth/roles';
import type { Bus } from '@/lib/bus/bus';
import type { CsmsEvent } from '@/lib/bus/events';
import { getSessionInvoice } from '@/lib/db/queries/invoices';
import { listInvoiceMismatches } from '@/lib/db/queries/payments';
import { listSessions } from '@/lib/db/queries/session-history';
import { getStationById } from '@/lib/db/queries/stations';
import { getTransactionById, listTransactionAnomalies } from '@/lib/db/queries/transactions';
import { insertDriver } from '@/lib/db/queries/drivers';
import { upsertIdTag } from '@/lib/db/queries/id-tags';
import { getWalletBalance, listWalletEntries } from '@/lib/db/queries/wallets';
import { createWallet, topUpWallet } from '@/lib/wallets/wallet-ledger';
import { createTariff } from '@/lib/tariffs/create-tariff';
import { runReconciliation } from '@/ocpp-server/scheduler/reconcile-task';

let t: TestDatabase;
let server: OcppServerProcess;
const stations: RPCClient[] = [];
const events: CsmsEvent[] = [];
const bus = { publish: (event: CsmsEvent) => void events.push(event) } as unknown as Bus;
const HOUR = 3_600_000;
/** Limits that close nothing by themselves: each test narrows the one it exercises. */
const loose = { graceMs: 10 * 60_000, offlineMs: 100 * HOUR, maxSessionMs: 100 * HOUR, limit: 100 };

beforeAll(async () => {
  t = await createTestDatabase();
  // €0.25/kWh + €0.50 per session, 19 % VAT.
  const tariff = { currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY' as const, price: 0.25, vat: 19, step_size: 1 }, { type: 'FLAT' as const, price: 0.5, vat: 19, step_size: 1 }] }] };
  await createTariff(t.db, systemActor, { name: 'Default', isDefault: true, tariff }, new Date(Date.now() - 100 * HOUR));
  // The job runs here with an injected clock; the server's own schedule is off.
  server = await startOcppServer({ databaseUrl: t.url, env: { RECONCILE_INTERVAL: '0' } });
});
afterAll(async () => {
  for (const station of stations) await station.close();
  await server?.stop();
  await t?.drop();
});

async function bootedStation(id: string): Promise<RPCClient> {
  const station = await connectStation(server.url, id);
  stations.push(station);
  await boot(station);
  return station;
}
const start = async (station: RPCClient, input: { connectorId: number; meterStart: number; at: Date }) =>
  ((await station.call('StartTransaction', { connectorId: input.connectorId, idTag: 'TAG-1', meterStart: input.meterStart, timestamp: input.at.toISOString() })) as { transactionId: number })
    .transactionId;
const sample = (station: RPCClient, input: { connectorId: number; transactionId: number; wh: number; at: Date }) =>
  station.call('MeterValues', {
    connectorId: input.connectorId,
    transactionId: input.transactionId,
    meterValue: [{ timestamp: input.at.toISOString(), sampledValue: [{ measurand: 'Energy.Active.Import.Register', unit: 'Wh', value: String(input.wh) }] }],
  });
const status = (station: RPCClient, connectorId: number, value: string, at: Date) =>
  station.call('StatusNotification', { connectorId, errorCode: 'NoError', status: value, timestamp: at.toISOString() });
const reconcile = (now: Date, limits: Partial<typeof loose> = {}) => runReconciliation(t.db, bus, { ...loose, ...limits, now });

describe('reconciliation of stuck sessions (real OCPP socket, job with an injected clock)', () => {
  it('a station that booted again: closed at the last energy sample, invoiced, announced, flagged for review', async () => {
    const station = await bootedStation('REC-BOOT');
    const t0 = Date.now();
    const transactionId = await start(station, { connectorId: 1, meterStart: 1000, at: new Date(t0 - 60 * 60_000) });
    await sample(station, { connectorId: 1, transactionId, wh: 11_000, at: new Date(t0 - 30 * 60_000) });
    expect(await reconcile(new Date())).toEqual([]); // running, nothing wrong yet
    await boot(station);
    expect(await reconcile(new Date())).toEqual([transactionId]);
    expect(await getTransactionById(t.db, transactionId)).toMatchObject({
      meterStop: 11_000,
      stoppedAt: new Date(t0 - 30 * 60_000),
      serverStopReason: 'reconciled:rebooted',
      needsReview: true,
      reviewNote: expect.stringContaining('booted again'),
    });
    // By hand: 10 kWh × €0.25 = €2.50 (VAT €0.475 → €0.48) + €0.50 (VAT €0.095 → €0.10): €3.00 net, €0.58 VAT.
    expect(await getSessionInvoice(t.db, transactionId)).toMatchObject({ net: 300, vat: 58, gross: 358 });
    expect(events).toContainEqual({ kind: 'transaction.stopped', stationId: 'REC-BOOT', transactionId });
    expect(await reconcile(new Date())).toEqual([]); // closed once
  });

  it('a connector back to Available: closed after the grace, at the status time when there is no sample', async () => {
    const station = await bootedStation('REC-AVAIL');
    const t0 = Date.now();
    const transactionId = await start(station, { connectorId: 2, meterStart: 500, at: new Date(t0 - 20 * 60_000) });
    await status(station, 2, 'Charging', new Date(t0 - 19 * 60_000));
    expect(await reconcile(new Date(t0), { graceMs: 60_000 })).toEqual([]); // Charging: nothing to do
    await status(station, 2, 'Available', new Date(t0 - 5 * 60_000));
    expect(await reconcile(new Date(t0), { graceMs: 10 * 60_000 })).toEqual([]); // still within the grace
    expect(await reconcile(new Date(t0), { graceMs: 2 * 60_000 })).toEqual([transactionId]);
    expect(await getTransactionById(t.db, transactionId)).toMatchObject({
      meterStop: 500,
      stoppedAt: new Date(t0 - 5 * 60_000),
      serverStopReason: 'reconciled:available',
      needsReview: true,
    });
    // No energy: the €0.50 session fee (VAT €0.095 → €0.10).
    expect(await getSessionInvoice(t.db, transactionId)).toMatchObject({ net: 50, vat: 10, gross: 60 });
  });

  it('a station offline past the limit: closed at its last sample', async () => {
    const station = await bootedStation('REC-OFFLINE');
    const t0 = Date.now();
    const transactionId = await start(station, { connectorId: 1, meterStart: 1000, at: new Date(t0 - 10 * 60_000) });
    await sample(station, { connectorId: 1, transactionId, wh: 3000, at: new Date(t0 - 5 * 60_000) });
    await station.close();
    expect((await eventually(() => getStationById(t.db, 'REC-OFFLINE'), (row) => row?.online === false))?.online).toBe(false);
    expect(await reconcile(new Date(t0 + 30 * 60_000), { offlineMs: HOUR })).toEqual([]); // not offline long enough
    expect(await reconcile(new Date(t0 + 2 * HOUR), { offlineMs: HOUR })).toEqual([transactionId]);
    expect(await getTransactionById(t.db, transactionId)).toMatchObject({
      meterStop: 3000,
      stoppedAt: new Date(t0 - 5 * 60_000),
      serverStopReason: 'reconciled:offline',
      needsReview: true,
    });
    // 2 kWh × €0.25 = €0.50 (VAT €0.095 → €0.10) + €0.50 (VAT €0.10).
    expect(await getSessionInvoice(t.db, transactionId)).toMatchObject({ net: 100, vat: 20, gross: 120 });
  });

  it('a session past the maximum duration on a station still online: closed now, at meterStart without samples', async () => {
    const station = await bootedStation('REC-LONG');
    const t0 = Date.now();
    const transactionId = await start(station, { connectorId: 1, meterStart: 7000, at: new Date(t0 - 3 * HOUR) });
    await status(station, 1, 'Charging', new Date(t0 - 3 * HOUR));
    expect(await reconcile(new Date(t0), { maxSessionMs: 4 * HOUR })).toEqual([]);
    expect(await reconcile(new Date(t0), { maxSessionMs: 2 * HOUR })).toEqual([transactionId]);
    expect(await getTransactionById(t.db, transactionId)).toMatchObject({
      meterStop: 7000,
      stoppedAt: new Date(t0),
      serverStopReason: 'reconciled:max_duration',
      needsReview: true,
    });
    expect(await getSessionInvoice(t.db, transactionId)).toMatchObject({ gross: 60 });
    expect(events).toContainEqual({ kind: 'transaction.stopped', stationId: 'REC-LONG', transactionId });
  });

  it('two runs at once (two nodes): the advisory lock lets one close it, settled once', async () => {
    const station = await bootedStation('REC-RACE');
    const transactionId = await start(station, { connectorId: 1, meterStart: 0, at: new Date(Date.now() - 60_000) });
    await boot(station);
    const runs = await Promise.all([reconcile(new Date()), reconcile(new Date()), reconcile(new Date())]);
    expect(runs.flat()).toEqual([transactionId]);
    expect(await listSessionInvoices(transactionId)).toHaveLength(1);
  });

  it('the OCPP server runs the job on its schedule (RECONCILE_* from the environment)', async () => {
    const scheduled = await startOcppServer({ databaseUrl: t.url, env: { RECONCILE_INTERVAL: '1', RECONCILE_MAX_SESSION_HOURS: '1' } });
    try {
      const station = await connectStation(scheduled.url, 'REC-SCHEDULED');
      stations.push(station);
      await boot(station);
      const transactionId = await start(station, { connectorId: 1, meterStart: 0, at: new Date(Date.now() - 2 * HOUR) });
      const row = await eventually(() => getTransactionById(t.db, transactionId), (tx) => tx?.stoppedAt !== null, 20_000);
      expect(row).toMatchObject({ serverStopReason: 'reconciled:max_duration', needsReview: true, meterStop: 0 });
      // Settled just after the stop is committed.
      expect(await eventually(() => getSessionInvoice(t.db, transactionId), (invoice) => invoice !== undefined)).toMatchObject({ gross: 60 });
      await station.close();
    } finally {
      await scheduled.stop();
    }
  });

  it('the sessions list filters on the review flag', async () => {
    const station = await bootedStation('REC-NORMAL');
    const t0 = Date.now();
    const normal = await start(station, { connectorId: 1, meterStart: 0, at: new Date(t0 - 60_000) });
    await station.call('StopTransaction', { transactionId: normal, meterStop: 1000, timestamp: new Date(t0).toISOString() });
    const flagged = await listSessions(t.db, { needsReview: true });
    expect(flagged.map((row) => [row.stationId, row.serverStopReason, row.needsReview])).toEqual([
      ['REC-SCHEDULED', 'reconciled:max_duration', true],
      ['REC-RACE', 'reconciled:rebooted', true],
      ['REC-LONG', 'reconciled:max_duration', true],
      ['REC-OFFLINE', 'reconciled:offline', true],
      ['REC-AVAIL', 'reconciled:available', true],
      ['REC-BOOT', 'reconciled:rebooted', true],
    ]);
    expect((await listSessions(t.db, { needsReview: false })).map((row) => row.id)).toEqual([normal]);
  });

  it('a late StopTransaction whose cost is the same: stop data restated, nothing credited or issued', async () => {
    const [boot1] = await listSessions(t.db, { stationId: 'REC-BOOT' });
    const station = stations[0]!;
    const before = await getSessionInvoice(t.db, boot1!.id);
    const late = new Date(boot1!.stoppedAt!.getTime() + 60_000); // same energy, a minute later: the tariff has no time component
    expect(await station.call('StopTransaction', { transactionId: boot1!.id, meterStop: 11_000, timestamp: late.toISOString() })).toEqual({});
    expect(await getTransactionById(t.db, boot1!.id)).toMatchObject({ stoppedAt: late, stopReason: 'Local', serverStopReason: 'reconciled:rebooted', needsReview: true });
    expect(await listSessionInvoices(boot1!.id)).toEqual([[before!.number, 1, 358, null]]);
  });

  it('a late StopTransaction with more energy: the reconciled invoice is credited (wallet refunded) and the session invoiced again, once', async () => {
    const driver = await insertDriver(t.db, { name: 'Late Lou', email: 'lou@example.com' }, new Date());
    await upsertIdTag(t.db, { idTag: 'LATE-TAG', driverId: driver.id, maxConcurrentTx: null });
    const walletId = (await createWallet(t.db, systemActor, { driverId: driver.id, currency: 'EUR', minBalance: 1 })).id;
    await topUpWallet(t.db, systemActor, walletId, { amount: 2000 });
    const station = await bootedStation('REC-LATE');
    const t0 = Date.now();
    const { transactionId } = (await station.call('StartTransaction', { connectorId: 1, idTag: 'LATE-TAG', meterStart: 1000, timestamp: new Date(t0 - 60 * 60_000).toISOString() })) as { transactionId: number };
    await sample(station, { connectorId: 1, transactionId, wh: 5000, at: new Date(t0 - 40 * 60_000) });
    await boot(station);
    expect(await reconcile(new Date())).toEqual([transactionId]);
    // 4 kWh × €0.25 = €1.00 (VAT €0.19) + €0.50 (VAT €0.10): €1.79, paid from the wallet.
    expect(await getWalletBalance(t.db, walletId)).toBe(2000 - 179);

    const stopAt = new Date(t0 - 30 * 60_000);
    const lateStop = { transactionId, meterStop: 9000, timestamp: stopAt.toISOString(), idTag: 'LATE-TAG', reason: 'PowerLoss' };
    expect(await station.call('StopTransaction', lateStop)).toMatchObject({ idTagInfo: { status: 'Accepted' } });
    expect(await getTransactionById(t.db, transactionId)).toMatchObject({
      meterStop: 9000,
      stoppedAt: stopAt,
      stopReason: 'PowerLoss',
      serverStopReason: 'reconciled:rebooted',
      needsReview: true,
      reviewNote: expect.stringMatching(/closed by reconciliation[\s\S]*late StopTransaction: meterStop 5000 → 9000 Wh/),
    });
    // 8 kWh × €0.25 = €2.00 (VAT €0.38) + €0.50 (VAT €0.10) = €2.98: the €1.79 credited, €2.98 invoiced.
    const invoices = await listSessionInvoices(transactionId);
    expect(invoices.map(([, revision, gross, credits]) => [revision, gross, credits !== null])).toEqual([
      [1, 179, false],
      [null, -179, true],
      [2, 298, false],
    ]);
    expect(invoices[1]![3]).toBe(invoices[0]![0]); // the credit note reverses the reconciled invoice
    expect((await getSessionInvoice(t.db, transactionId))!).toMatchObject({ net: 250, vat: 48, gross: 298, revision: 2 });
    const entries = (await listWalletEntries(t.db, walletId, 10)).map((entry) => [entry.kind, entry.amount]).reverse();
    expect(entries).toEqual([['top_up', 2000], ['session_debit', -179], ['refund', 179], ['session_debit', -298]]);
    expect(await getWalletBalance(t.db, walletId)).toBe(2000 - 298);
    // The payment reconciliation agrees: the credited invoice is settled by its credit note, revision 2 is paid in full.
    const mismatches = await listInvoiceMismatches(t.db, { from: new Date(t0 - 24 * HOUR), to: new Date(t0 + 24 * HOUR) });
    expect(mismatches.filter((row) => invoices.some(([number]) => number === row.number))).toEqual([]);

    // The same late stop again (our answer lost): nothing more, no anomaly.
    await station.call('StopTransaction', lateStop);
    expect(await listSessionInvoices(transactionId)).toHaveLength(3);
    expect(await getWalletBalance(t.db, walletId)).toBe(2000 - 298);
    expect((await listTransactionAnomalies(t.db, 'REC-LATE')).length).toBe(0);
  });
});

/** [number, revision (null for a credit note), gross, the number it credits] in issue order. */
async function listSessionInvoices(transactionId: number): Promise<[string, number | null, number, string | null][]> {
  const rows = (await t.db.execute(sql`
    select i.number, i.kind, i.revision, i.gross, c.number as credits from invoices i left join invoices c on c.id = i.credits_invoice_id
    where i.transaction_id = ${transactionId} order by i.issued_at, i.kind = 'session', i.revision
  `)) as unknown as { number: string; kind: string; revision: number; gross: number; credits: string | null }[];
  return rows.map((row) => [row.number, row.kind === 'credit_note' ? null : row.revision, row.gross, row.credits]);
}

