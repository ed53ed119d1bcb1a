import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startOcppServer, type OcppServerProcess } from '../support/ocpp-server';
import { boot, connectStation } from '../support/ocpp-client';
import { systemActor } from '@/lib/auth/roles';
import { insertDriver } from '@/lib/db/queries/drivers';
import { upsertIdTag } from '@/lib/db/queries/id-tags';
import { getSessionInvoice, listInvoiceLines } from '@/lib/db/queries/invoices';
import { getWalletBalance, listWalletEntries } from '@/lib/db/queries/wallets';
import { createTariff } from '@/lib/tariffs/create-tariff';
import { createWallet, topUpWallet } from '@/lib/wallets/wallet-ledger';

let t: TestDatabase;
let server: OcppServerProcess;
let station: RPCClient;
let walletId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  // €0.25/kWh + €0.50 per session, 19 % VAT, the default everywhere.
  const tariff = { currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY' as const, price: 0.25, vat: 19, step_size: 1 }, { type: 'FLAT' as const, price: 0.5, vat: 19, step_size: 1 }] }] };
  await createTariff(t.db, systemActor, { name: 'Default', isDefault: true, tariff }, new Date(Date.now() - 86_400_000));
  const driver = await insertDriver(t.db, { name: 'Wally', email: 'wally@example.com' }, new Date());
  await upsertIdTag(t.db, { idTag: 'WALLET-TAG', driverId: driver.id, maxConcurrentTx: null });
  walletId = (await createWallet(t.db, systemActor, { driverId: driver.id, currency: 'EUR', minBalance: 500 })).id;
  server = await startOcppServer({ databaseUrl: t.url });
  station = await connectStation(server.url, 'WALLET-1');
  await boot(station);
});
afterAll(async () => {
  await station?.close();
  await server?.stop();
  await t?.drop();
});

const authorize = async () => ((await station.call('Authorize', { idTag: 'WALLET-TAG' })) as { idTagInfo: { status: string } }).idTagInfo.status;

describe('a prepaid wallet over a real OCPP socket', () => {
  it('Blocked below the minimum balance, Accepted after a top-up', async () => {
    expect(await authorize()).toBe('Blocked');
    await topUpWallet(t.db, systemActor, walletId, { amount: 1000 });
    expect(await authorize()).toBe('Accepted');
  });

  it('StopTransaction issues the invoice and debits its gross; a wallet below the minimum is Blocked again', async () => {
    const t0 = Date.now();
    const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();
    const { transactionId } = (await station.call('StartTransaction', { connectorId: 1, idTag: 'WALLET-TAG', meterStart: 1000, timestamp: at(0) })) as { transactionId: number };
    await station.call('MeterValues', { connectorId: 1, transactionId, meterValue: [{ timestamp: at(30), sampledValue: [{ measurand: 'Energy.Active.Import.Register', unit: 'Wh', value: '12000' }] }] });
    await station.call('StopTransaction', { transactionId, meterStop: 23_000, timestamp: at(60), idTag: 'WALLET-TAG' });
    // By hand: 22 kWh × €0.25 = €5.50 (VAT €1.045 → €1.05 half-up) + €0.50 (VAT €0.095 → €0.10): €6.00 net, €1.15 VAT, €7.15.
    // Settled before the CALLRESULT left: nothing to wait for.
    const invoice = (await getSessionInvoice(t.db, transactionId))!;
    expect(invoice).toMatchObject({ net: 600, vat: 115, gross: 715, customerName: 'Wally', number: expect.stringMatching(/^INV-\d{4}-000001$/) });
    expect((await listInvoiceLines(t.db, invoice.id)).map((line) => [line.component, line.gross])).toEqual([['FLAT', 60], ['ENERGY', 655]]);
    expect((await listWalletEntries(t.db, walletId, 1))[0]).toMatchObject({ kind: 'session_debit', amount: -715, transactionId, invoiceId: invoice.id });
    expect(await getWalletBalance(t.db, walletId)).toBe(285);
    expect(await authorize()).toBe('Blocked');
  });
});
