import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startStationScenario, type StationScenario } from '../support/station-scenario';

let scenario: StationScenario;
let admin: Page;
let phone: Page;
let driverId: string;
const password = 'my subscriber password';

beforeAll(async () => {
  scenario = await startStationScenario({ stationId: 'SUB-E2E', idTag: 'RFID-SUB' });
  admin = scenario.page;
  const api = (path: string, data: unknown, method: 'post' | 'patch' = 'post') => admin.request[method](`${scenario.app.baseUrl}${path}`, { data });
  // €0.30/kWh + €1 per session, 19 % VAT; the plan includes 15 kWh a month for €9.99 + VAT.
  const tariff = await api('/api/v1/tariffs', { name: 'Public', is_default: true, currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY', price: 0.3, vat: 19, step_size: 1 }, { type: 'FLAT', price: 1, vat: 19, step_size: 1 }] }] });
  expect(tariff.status()).toBe(201);
  expect((await api('/api/v1/plans', { name: 'Commuter', currency: 'EUR', monthlyFee: 999, vatPercent: 19, includedWh: 15_000 })).status()).toBe(201);
  const driver = await api('/api/v1/drivers', { name: 'Sam Subscriber', email: 'sam@example.com' });
  driverId = ((await driver.json()) as { id: string }).id;
  expect((await api('/api/v1/id-tags/RFID-SUB', { driverId }, 'patch')).status()).toBe(200);
});
afterAll(async () => {
  await scenario?.close();
});

describe('a driver subscribes in the portal and a session uses the included energy', () => {
  it('the invited driver sees the plans and subscribes; the first period starts now', async () => {
    await admin.goto(`${scenario.app.baseUrl}/drivers/${driverId}`);
    await admin.getByRole('button', { name: 'Create invitation link' }).click();
    const link = await admin.getByLabel('Invitation link').inputValue();
    phone = await (await scenario.browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true })).newPage();
    await phone.goto(link);
    await phone.getByLabel('New password').fill(password);
    await phone.getByLabel('Repeat the password').fill(password);
    await phone.getByRole('button', { name: 'Set password and sign in' }).click();
    await phone.getByRole('heading', { name: 'Hello, Sam Subscriber' }).waitFor();

    await phone.goto(`${scenario.app.baseUrl}/driver/account`);
    const plan = phone.locator('li[data-plan="Commuter"]');
    await plan.getByText('€11.89 a month incl. VAT · 15 kWh included · 0% off sessions').waitFor();
    await plan.getByRole('button', { name: 'Subscribe to Commuter' }).click();
    await phone.getByText('Subscribed. Your first month starts now').waitFor();
    await phone.getByLabel('Current plan').getByText('Commuter').waitFor();
    await phone.getByLabel('Included energy').getByText('0 kWh used of 15 kWh included · 15 kWh left').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it('invoiced monthly, a 5 kWh session takes 5 kWh: the receipt and the session page show its stored price with the included energy, not the tariff price', async () => {
    const invoicing = (mode: string) => admin.request.put(`${scenario.app.baseUrl}/api/v1/drivers/${driverId}/invoicing`, { data: { subject: 'driver', mode } });
    expect((await invoicing('monthly')).status()).toBe(200);
    const { station } = scenario;
    // Over before the next test's session starts (a minute from then) on the same connector.
    const t0 = Date.now() + 5_000;
    const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();
    const start = (await station.call('StartTransaction', { connectorId: 1, idTag: 'RFID-SUB', meterStart: 0, timestamp: at(0) })) as { transactionId: number };
    await station.call('MeterValues', {
      connectorId: 1,
      transactionId: start.transactionId,
      meterValue: [{ timestamp: at(30), sampledValue: [{ measurand: 'Energy.Active.Import.Register', unit: 'Wh', value: '5000' }] }],
    });
    await station.call('StopTransaction', { transactionId: start.transactionId, meterStop: 5_000, timestamp: at(30), reason: 'Local' });
    expect((await invoicing('per_session')).status()).toBe(200);

    // €1.00 + VAT €0.19; 5 kWh × €0.30 = €1.50 + VAT €0.285 → €1.79, all of it included: −€1.79. Total €1.19, not the tariff's €2.98.
    await phone.goto(`${scenario.app.baseUrl}/driver/sessions/${start.transactionId}`);
    await phone.getByRole('row', { name: /Included energy \(Commuter\): 5,000 Wh/ }).getByText('-€1.79').waitFor();
    await phone.getByText(/^Monthly invoice for \d{4}-\d{2} \(not issued yet\)$/).waitFor();
    expect(await phone.getByTestId('receipt-total').innerText()).toBe('€1.19');
    // The session list shows the receipt's amount (not the tariff's €2.98), not final until the monthly invoice.
    await phone.goto(`${scenario.app.baseUrl}/driver`);
    const listed = phone.locator(`a[href="/driver/sessions/${start.transactionId}"]`);
    await listed.getByText('Monthly invoice not issued yet').waitFor();
    expect(await listed.getByTestId('session-total').innerText()).toBe('€1.19');

    await admin.goto(`${scenario.app.baseUrl}/sessions/${start.transactionId}`);
    const card = admin.locator('[aria-label="Cost"]');
    await card.getByTestId('cost-basis').getByText(/^Invoiced monthly: price as settled at the stop/).waitFor();
    await card.getByRole('row', { name: /Included energy \(Commuter\): 5,000 Wh/ }).waitFor();
    expect(await card.getByTestId('cost-total').innerText()).toBe('€1.19');
  });

  it('a 20 kWh session takes the 10 kWh left: the invoice shows the included energy line and the reduced total', async () => {
    const { station } = scenario;
    const t0 = Date.now() + 60_000;
    const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();
    const start = (await station.call('StartTransaction', { connectorId: 1, idTag: 'RFID-SUB', meterStart: 0, timestamp: at(0) })) as { transactionId: number };
    await station.call('MeterValues', {
      connectorId: 1,
      transactionId: start.transactionId,
      meterValue: [{ timestamp: at(30), sampledValue: [{ measurand: 'Energy.Active.Import.Register', unit: 'Wh', value: '20000' }] }],
    });
    await station.call('StopTransaction', { transactionId: start.transactionId, meterStop: 20_000, timestamp: at(30), reason: 'Local' });

    // 20 kWh × €0.30 = €6.00 (VAT €1.14) + €1.00 (VAT €0.19); the 10 kWh still included: −€3.00, VAT −€0.57.
    // Net €4.00, VAT €0.76, total €4.76 instead of €8.33.
    const invoices = (await (await admin.request.get(`${scenario.app.baseUrl}/api/v1/invoices?driverId=${driverId}`)).json()) as { data: { id: string; kind: string; gross: number }[] };
    const session = invoices.data.find((invoice) => invoice.kind === 'session')!;
    expect(session.gross).toBe(476);
    await admin.goto(`${scenario.app.baseUrl}/billing/invoices/${session.id}`);
    const line = admin.getByRole('table', { name: 'Invoice lines' }).locator('tr', { hasText: 'Included energy (Commuter): 10,000 Wh' });
    await line.getByText('-€3.00').waitFor();
    await line.getByText('-€3.57').waitFor();
    await admin.locator('[data-invoice-total="€4.76"]').waitFor();

    await phone.goto(`${scenario.app.baseUrl}/driver/account`);
    await phone.getByLabel('Included energy').getByText('15 kWh used of 15 kWh included · 0 kWh left').waitFor();
    await phone.getByLabel('Invoices').getByText('€4.76').waitFor();
    // The receipt shows the same: the engine's lines, the included energy, the invoiced total.
    await phone.goto(`${scenario.app.baseUrl}/driver/sessions/${start.transactionId}`);
    await phone.getByRole('row', { name: /Included energy \(Commuter\): 10,000 Wh/ }).getByText('-€3.57').waitFor();
    expect(await phone.getByTestId('receipt-total').innerText()).toBe('€4.76');
  });

  it('the driver cancels: the plan runs to the end of the period', async () => {
    await phone.goto(`${scenario.app.baseUrl}/driver/account`);
    await phone.getByRole('button', { name: 'Cancel at the end of this period' }).click();
    await phone.getByText(/^Cancelled\. Your plan runs until \d{4}-\d{2}-\d{2}, the end of this period\.$/).waitFor();
    await phone.getByLabel('Current plan').getByText(/^Cancelled: ends \d{4}-\d{2}-\d{2}\.$/).waitFor();
    const listed = (await (await admin.request.get(`${scenario.app.baseUrl}/api/v1/subscriptions?driverId=${driverId}`)).json()) as { data: { status: string }[] };
    expect(listed.data.map((subscription) => subscription.status)).toEqual(['cancelled']);
  });

  it('the admin sees the period’s use on the Plans page and withdraws the plan: the portal stops offering it', async () => {
    await admin.goto(`${scenario.app.baseUrl}/billing/plans`);
    await admin.locator('tr[data-subscription="Sam Subscriber"]').getByText('15 kWh of 15 kWh').waitFor();
    await admin.locator('tr[data-plan="Commuter"]').getByRole('button', { name: 'Withdraw' }).click();
    await admin.getByText('Withdrawn: running subscriptions go on.').waitFor();
    await phone.goto(`${scenario.app.baseUrl}/driver/account`);
    await phone.getByLabel('Current plan').getByText('Commuter').waitFor();
    expect(await phone.locator('li[data-plan="Commuter"]').count()).toBe(0);
  });
});
