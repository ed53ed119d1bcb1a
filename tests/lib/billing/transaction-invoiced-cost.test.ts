import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { routeClient } from '../sites/route-client';
import { addEnergyReadings, addStations, energyAndParking, stopSession } from './fixtures';
import { settleStoppedTransaction } from '@/lib/billing/settle-transaction';
import { systemActor } from '@/lib/auth/roles';
import { insertDriver } from '@/lib/db/queries/drivers';
import { upsertIdTag } from '@/lib/db/queries/id-tags';
import { createPlan, subscribeDriver } from '@/lib/subscriptions/manage-subscriptions';
import { createTariff } from '@/lib/tariffs/create-tariff';
import { startTransaction } from '@/lib/transactions/start-transaction';
import * as transactionRoute from '@/app/api/v1/transactions/[id]/route';

// Tariff: €0.30/kWh + €1 per session, 19 % VAT. Plan: 5 kWh included per month and 10 % off.
const PERIOD_START = new Date('2026-03-01T00:00:00Z');
let t: TestDatabase;
let api: Awaited<ReturnType<typeof routeClient>>;

beforeAll(async () => {
  t = await createTestDatabase();
  api = await routeClient(t);
  await addStations(t.db, 'BILL-1');
  await createTariff(t.db, systemActor, { name: 'Default', isDefault: true, tariff: energyAndParking }, new Date('2026-01-01T00:00:00Z'));
  const plan = await createPlan(t.db, systemActor, { name: 'Saver', currency: 'EUR', monthlyFee: 999, vatPercent: 19, includedWh: 5_000, discountPercent: 10 });
  const driverId = (await insertDriver(t.db, { name: 'Sub Scriber' }, new Date())).id;
  await upsertIdTag(t.db, { idTag: 'SUB-1', driverId, maxConcurrentTx: null });
  await subscribeDriver(t.db, systemActor, { driverId, planId: plan.id, startsAt: PERIOD_START });
});
afterAll(async () => {
  await api?.close();
  await t?.drop();
});

const get = async (id: number) => {
  const response = await api.call(transactionRoute.GET, { role: 'viewer', params: { id: String(id) } });
  expect(response.status).toBe(200);
  return response.body as Record<string, unknown> & { cost: { net: number; vat: number; gross: number; isFinal: boolean; lines: { component: string }[] } };
};

describe('GET /api/v1/transactions/{id} for a subscriber: the same amount as the invoice', () => {
  it('running: the tariff cost so far, labelled an estimate; stopped: the tariff price; invoiced: the invoice lines and totals', async () => {
    const startedAt = new Date('2026-03-02T09:00:00Z');
    const stoppedAt = new Date('2026-03-02T09:30:00Z');
    const { transaction } = await startTransaction(t.db, { stationId: 'BILL-1', request: { connectorId: 1, idTag: 'SUB-1', meterStart: 0, timestamp: startedAt.toISOString() }, now: startedAt });
    await addEnergyReadings(t.db, transaction, [[stoppedAt, 10_000]]);

    const running = await get(transaction.id);
    expect(running.invoice).toBeNull();
    expect(running.cost.isFinal).toBe(false);
    expect(running.total).toEqual({ basis: 'estimate', currency: 'EUR', net: running.cost.net, vat: running.cost.vat, gross: running.cost.gross });

    await stopSession(t.db, transaction, stoppedAt, 10_000);
    // 10 kWh × €0.30 + €1 = €4.00 net, VAT 19 % €0.76: the tariff's price, before the plan.
    const stopped = await get(transaction.id);
    expect(stopped.invoice).toBeNull();
    expect(stopped.cost).toMatchObject({ isFinal: true, net: 400, vat: 76, gross: 476 });
    expect(stopped.total).toEqual({ basis: 'tariff', currency: 'EUR', net: 400, vat: 76, gross: 476 });

    const { invoice } = await settleStoppedTransaction(t.db, transaction.id, new Date('2026-03-02T09:31:00Z'));
    const invoiced = await get(transaction.id);
    // Included: 5 kWh × €0.30 = −€1.50, VAT −€0.285 → −€0.29. Discount: 10 % of €2.50 = −€0.25, VAT −€0.0475 → −€0.05.
    expect(invoiced.total).toEqual({ basis: 'invoice', currency: 'EUR', net: 225, vat: 42, gross: 267 });
    expect(invoiced.invoice).toMatchObject({ id: invoice!.id, number: invoice!.number, net: 225, vat: 42, gross: 267 });
    expect((invoiced.invoice as { lines: unknown[] }).lines).toEqual([
      expect.objectContaining({ component: 'FLAT', net: 100, vat: 19, gross: 119 }),
      expect.objectContaining({ component: 'ENERGY', net: 300, vat: 57, gross: 357 }),
      expect.objectContaining({ component: 'INCLUDED_ENERGY', description: 'Included energy (Saver): 5,000 Wh', net: -150, vat: -29, gross: -179 }),
      expect.objectContaining({ component: 'DISCOUNT', description: 'Saver: 10% discount', net: -25, vat: -5, gross: -30 }),
    ]);
    expect(invoice).toMatchObject({ net: 225, vat: 42, gross: 267 });
    // The tariff breakdown stays, for explaining the price.
    expect(invoiced.cost).toMatchObject({ isFinal: true, net: 400, gross: 476 });
    expect(invoiced.cost.lines.map((line) => line.component).sort()).toEqual(['ENERGY', 'FLAT']);
  });
});
