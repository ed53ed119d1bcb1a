import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { addEnergyReadings, addStations, energyAndParking, stopSession } from '../billing/fixtures';
import { resettleRestatedTransaction, settleStoppedTransaction } from '@/lib/billing/settle-transaction';
import { systemActor } from '@/lib/auth/roles';
import { insertDriver } from '@/lib/db/queries/drivers';
import { upsertIdTag } from '@/lib/db/queries/id-tags';
import { listInvoiceLines } from '@/lib/db/queries/invoices';
import { sumIncludedEnergyUsed } from '@/lib/db/queries/subscriptions';
import { restateTransactionStop } from '@/lib/db/queries/transactions';
import type { Invoice } from '@/lib/db/schema';
import { createPlan, subscribeDriver } from '@/lib/subscriptions/manage-subscriptions';
import { createTariff } from '@/lib/tariffs/create-tariff';
import { startTransaction } from '@/lib/transactions/start-transaction';

// Tariff: €0.30/kWh + €1 per session, 19 % VAT. Plan: 15 kWh included per month, no discount.
const PERIOD_START = new Date('2026-03-01T00:00:00Z');
let t: TestDatabase;
let planId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  await addStations(t.db, 'INC-1', 'INC-2', 'INC-3', 'INC-4');
  await createTariff(t.db, systemActor, { name: 'Default', isDefault: true, tariff: energyAndParking }, new Date('2026-01-01T00:00:00Z'));
  planId = (await createPlan(t.db, systemActor, { name: 'Commuter', currency: 'EUR', monthlyFee: 999, vatPercent: 19, includedWh: 15_000 })).id;
});
afterAll(() => t?.drop());

async function subscriber(tag: string) {
  const driverId = (await insertDriver(t.db, { name: `Driver ${tag}` }, new Date())).id;
  await upsertIdTag(t.db, { idTag: tag, driverId, maxConcurrentTx: null });
  return (await subscribeDriver(t.db, systemActor, { driverId, planId, startsAt: PERIOD_START })).id;
}

/** A session of `wh` Wh over 30 minutes from `start` (no idle time): recorded, not yet invoiced. */
async function chargedSession(tag: string, stationId: string, start: string, wh: number) {
  const startedAt = new Date(start);
  const stoppedAt = new Date(startedAt.getTime() + 30 * 60_000);
  const { transaction } = await startTransaction(t.db, { stationId, request: { connectorId: 1, idTag: tag, meterStart: 0, timestamp: startedAt.toISOString() }, now: startedAt });
  await addEnergyReadings(t.db, transaction, [[stoppedAt, wh]]);
  return stopSession(t.db, transaction, stoppedAt, wh);
}

async function settle(transactionId: number, at: string): Promise<Invoice> {
  const settlement = await settleStoppedTransaction(t.db, transactionId, new Date(at));
  if (!settlement.invoice) throw new Error(settlement.reason);
  return settlement.invoice;
}

const includedLines = async (invoice: Invoice) =>
  (await listInvoiceLines(t.db, invoice.id)).filter((line) => line.component === 'INCLUDED_ENERGY').map(({ description, quantity, net, vat, gross }) => ({ description, quantity, net, vat, gross }));

describe('included energy over real PostgreSQL', () => {
  it('two sessions in one period: the first fully covered, the second straddles what remains, the third pays in full', async () => {
    const subscriptionId = await subscriber('INC-A');
    const first = await settle((await chargedSession('INC-A', 'INC-1', '2026-03-02T09:00:00Z', 10_000)).id, '2026-03-02T09:31:00Z');
    // €3.00 energy waived in full (VAT −€0.57): only the €1 session fee is left.
    expect(await includedLines(first)).toEqual([{ description: 'Included energy (Commuter): 10,000 Wh', quantity: 10, net: -300, vat: -57, gross: -357 }]);
    expect(first).toMatchObject({ net: 100, vat: 19, gross: 119 });

    const second = await settle((await chargedSession('INC-A', 'INC-1', '2026-03-02T10:00:00Z', 10_000)).id, '2026-03-02T10:31:00Z');
    // 5,000 Wh left of 15,000: 5 kWh × €0.30 = €1.50 waived, VAT 19 % of it €0.285 → €0.29.
    expect(await includedLines(second)).toEqual([{ description: 'Included energy (Commuter): 5,000 Wh', quantity: 5, net: -150, vat: -29, gross: -179 }]);
    expect(second).toMatchObject({ net: 250, vat: 47, gross: 297 });

    const third = await settle((await chargedSession('INC-A', 'INC-1', '2026-03-03T10:00:00Z', 10_000)).id, '2026-03-03T10:31:00Z');
    expect(await includedLines(third)).toEqual([]);
    expect(third).toMatchObject({ net: 400, vat: 76, gross: 476 });
    expect(await sumIncludedEnergyUsed(t.db, { subscriptionId, periodStart: PERIOD_START })).toBe(15_000);

    // The next period starts with the whole allowance again.
    const april = await settle((await chargedSession('INC-A', 'INC-1', '2026-04-02T10:00:00Z', 10_000)).id, '2026-04-02T10:31:00Z');
    expect(april).toMatchObject({ net: 100, gross: 119 });
  });

  it('two sessions stopping at once take the allowance in turn (row lock): 15,000 Wh in all, never 20,000', async () => {
    const subscriptionId = await subscriber('INC-B');
    const sessions = await Promise.all([chargedSession('INC-B', 'INC-2', '2026-03-05T08:00:00Z', 10_000), chargedSession('INC-B', 'INC-3', '2026-03-05T08:00:00Z', 10_000)]);
    const invoices = await Promise.all(sessions.map((session) => settle(session.id, '2026-03-05T08:31:00Z')));
    const waived = (await Promise.all(invoices.map(includedLines))).map((lines) => lines.reduce((sum, line) => sum + line.net, 0));
    expect(waived.sort((a, b) => a - b)).toEqual([-300, -150]);
    expect(invoices.map((invoice) => invoice.gross).sort((a, b) => a - b)).toEqual([119, 297]);
    expect(await sumIncludedEnergyUsed(t.db, { subscriptionId, periodStart: PERIOD_START })).toBe(15_000);
  });

  it('a late re-bill (credit note + revision) replaces the session’s take instead of adding a second one', async () => {
    const subscriptionId = await subscriber('INC-C');
    const session = await chargedSession('INC-C', 'INC-4', '2026-03-06T08:00:00Z', 10_000);
    const original = await settle(session.id, '2026-03-06T08:31:00Z');
    expect(original).toMatchObject({ net: 100, revision: 1 });

    // Re-settling unchanged data issues nothing: the session's own take is not counted against it.
    expect((await resettleRestatedTransaction(t.db, session.id, new Date('2026-03-06T09:00:00Z'))).creditNote).toBeNull();

    // The late stop says 12 kWh: credit note, then revision 2 with 12,000 Wh included (€3.60 waived).
    await restateTransactionStop(t.db, { id: session.id, stoppedAt: new Date('2026-03-06T08:40:00Z'), meterStop: 12_000, stopReason: 'Local', stopIdTag: null, note: 'late stop' });
    const restated = await resettleRestatedTransaction(t.db, session.id, new Date('2026-03-06T09:30:00Z'));
    expect(restated.creditNote).toMatchObject({ gross: -119 });
    const revision = restated.settlement.invoice!;
    expect(revision).toMatchObject({ revision: 2, net: 100, gross: 119 });
    expect(await includedLines(revision)).toEqual([expect.objectContaining({ quantity: 12, net: -360 })]);
    expect(await sumIncludedEnergyUsed(t.db, { subscriptionId, periodStart: PERIOD_START })).toBe(12_000);

    // 3,000 Wh remain for the next session: €0.90 waived.
    const next = await settle((await chargedSession('INC-C', 'INC-4', '2026-03-07T08:00:00Z', 10_000)).id, '2026-03-07T08:31:00Z');
    expect(await includedLines(next)).toEqual([expect.objectContaining({ description: 'Included energy (Commuter): 3,000 Wh', net: -90 })]);
    expect(await sumIncludedEnergyUsed(t.db, { subscriptionId, periodStart: PERIOD_START })).toBe(15_000);
  });
});
