import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RPCClient } from 'ocpp-rpc';
import type { AppProcess } from '../support/app-process';
import { signIn as signInAt } from '../support/browser';
import { connectAppDatabase } from '../support/app-database';
import { startStationScenario, type StationScenario } from '../support/station-scenario';

let scenario: StationScenario;
let app: AppProcess;
let browser: Browser;
let page: Page;
let station: RPCClient;
let tariffUrl: string;
let pricedSessionId: number;
const signIn = (target: Page, email: string, password: string) => signInAt(target, app.baseUrl, email, password);

beforeAll(async () => {
  scenario = await startStationScenario({ stationId: 'BILL-1', idTag: 'RFID-BILL' });
  ({ app, browser, page, station } = scenario);
});
afterAll(async () => {
  await scenario?.close();
});

describe('tariffs in a browser, priced sessions over OCPP', () => {
  it('an admin builds a tariff; the preview shows the total computed by hand', async () => {
    await page.goto(`${app.baseUrl}/billing/tariffs/new`);
    await page.locator('#tariff-name').fill('Energy and parking');
    await page.locator('#tariff-elements-0-price_components-0-price').fill('0.30');
    await page.locator('#tariff-elements-0-price_components-0-vat').fill('19');
    await page.getByRole('button', { name: 'Add price component' }).click();
    await page.locator('#tariff-elements-0-price_components-1-price').fill('1');
    await page.locator('#tariff-elements-0-price_components-1-vat').fill('19');
    await page.getByRole('button', { name: 'Add price component' }).click();
    await page.locator('#tariff-elements-0-price_components-2-type').selectOption('PARKING_TIME');
    await page.locator('#tariff-elements-0-price_components-2-price').fill('6');
    await page.locator('#tariff-elements-0-price_components-2-vat').fill('19');
    await page.locator('#tariff-parking_grace_seconds').fill('10');
    await expect(page.locator('#tariff-elements-0-price_components-2-step_size').inputValue()).resolves.toBe('60');

    // 22 kW for 2 h from 18:00, then 30 min idle: 44 kWh × €0.30 = €13.20 (VAT €2.51), fee €1.00 (VAT €0.19),
    // (30 − 10 grace) min × €6/h = €2.00 (VAT €0.38). Net €16.20 + VAT €3.08 = €19.28.
    await page.locator('[data-preview-gross="€19.28"]').waitFor();
    await expect(page.getByRole('table', { name: 'Preview breakdown' }).getByText('44 kWh × €0.30/kWh').isVisible()).resolves.toBe(true);

    await page.locator('#preview-idleMinutes').fill('5');
    await page.locator('[data-preview-gross="€16.90"]').waitFor();

    await page.getByRole('button', { name: 'Create tariff' }).click();
    await page.waitForURL(/\/billing\/tariffs\/[0-9a-f-]{36}\?created=1$/);
    tariffUrl = page.url().replace('?created=1', '');
    await page.getByText('Tariff created.').waitFor();
  });

  it('shows field errors from the server next to the input', async () => {
    await page.goto(`${app.baseUrl}/billing/tariffs/new`);
    await page.locator('#tariff-name').fill('Broken');
    await page.locator('#tariff-elements-0-price_components-0-price').fill('-1');
    await page.getByRole('button', { name: 'Create tariff' }).click();
    await page.locator('#tariff-elements-0-price_components-0-price-error').getByText('must be ≥ 0').waitFor();
  });

  it('a session on a station assigned to the tariff shows its cost via the REST API', async () => {
    await page.goto(tariffUrl);
    await page.locator('#assign-scope').selectOption('station');
    await page.locator('#assign-station').selectOption('BILL-1');
    await page.getByRole('button', { name: 'Assign' }).click();
    await page.getByText('Assigned.').waitFor();
    await page.getByRole('table', { name: 'Assignments' }).getByText('Station BILL-1').waitFor();

    // Station timestamps from a minute ahead: after the assignment, as a real session would be.
    const t0 = Date.now() + 60_000;
    const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();
    const start = (await station.call('StartTransaction', { connectorId: 1, idTag: 'RFID-BILL', meterStart: 0, timestamp: at(0) })) as { transactionId: number };
    pricedSessionId = start.transactionId;
    await station.call('StatusNotification', { connectorId: 1, status: 'Charging', errorCode: 'NoError', timestamp: at(0) });
    await station.call('MeterValues', {
      connectorId: 1,
      transactionId: start.transactionId,
      meterValue: [{ timestamp: at(60), sampledValue: [{ measurand: 'Energy.Active.Import.Register', unit: 'Wh', value: '22000' }] }],
    });
    await station.call('StatusNotification', { connectorId: 1, status: 'SuspendedEV', errorCode: 'NoError', timestamp: at(60) });
    await station.call('StopTransaction', { transactionId: start.transactionId, meterStop: 22_000, timestamp: at(90), reason: 'Local' });

    // 22 kWh × €0.30 = €6.60 (VAT €1.25), fee €1.00 (VAT €0.19), (30 − 10) min × €6/h = €2.00 (VAT €0.38).
    const response = await page.request.get(`${app.baseUrl}/api/v1/transactions/${start.transactionId}`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { cost: { gross: number; net: number; vat: number; isFinal: boolean; lines: { component: string; net: number }[]; tariff: { name: string } } };
    expect(body.cost).toMatchObject({ net: 960, vat: 182, gross: 1142, isFinal: true, tariff: { name: 'Energy and parking' } });
    expect(body.cost.lines.map((line) => [line.component, line.net])).toEqual([
      ['FLAT', 100],
      ['ENERGY', 660],
      ['PARKING_TIME', 200],
    ]);

    // A new version does not reprice a session that started under the previous one.
    await page.goto(tariffUrl);
    await page.locator('#tariff-elements-0-price_components-0-price').fill('0.50');
    await page.getByRole('button', { name: 'Save new version' }).click();
    await page.getByText('The tariff is at version 2').waitFor();
    const again = (await (await page.request.get(`${app.baseUrl}/api/v1/transactions/${start.transactionId}`)).json()) as typeof body;
    expect(again.cost).toMatchObject({ gross: 1142, tariff: { version: 1 } });
  });

  it('shows the tariff read-only to an operator', async () => {
    const created = await page.request.post(`${app.baseUrl}/api/v1/users`, {
      data: { email: 'otto@example.com', name: 'Otto Operator', password: 'operator password 1', role: 'operator' },
    });
    expect(created.status()).toBe(201);
    const operator = await (await browser.newContext()).newPage();
    await signIn(operator, 'otto@example.com', 'operator password 1');
    await operator.goto(tariffUrl);
    await operator.getByText('Read only: only admins change tariffs.').waitFor();
    await expect(operator.locator('#tariff-elements-0-price_components-0-price').isDisabled()).resolves.toBe(true);
    await expect(operator.getByRole('button', { name: 'Save new version' }).count()).resolves.toBe(0);
    // Version 2 (€0.50/kWh): €22.00 + €1.00 + €2.00 = €25.00 net, VAT €4.18 + €0.19 + €0.38 = €4.75.
    await operator.locator('[data-preview-gross="€29.75"]').waitFor();
    await operator.goto(`${app.baseUrl}/billing/tariffs/new`);
    await expect(operator.getByText('New tariff').count()).resolves.toBe(0);
  });

  it('the stopped session was invoiced: listed with its total, its PDF downloads', async () => {
    await page.goto(`${app.baseUrl}/billing/invoices`);
    const row = page.locator('tr[data-invoice$="-000001"]');
    await row.getByText('€11.42').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^INV-\d{4}-000001\.pdf$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

    await row.getByRole('link', { name: /^INV-/ }).click();
    await page.locator('[data-invoice-total="€11.42"]').waitFor();
    await page.locator('[data-payment-state="unpaid"]').getByText('card payments are off: no STRIPE_SECRET_KEY').waitFor();
    await page.locator('#credit-reason').fill('Test session');
    await page.getByRole('button', { name: 'Issue credit note' }).click();
    await page.waitForURL(/\/billing\/invoices\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /^Credit note CN-\d{4}-000001$/ }).waitFor();
    await page.locator('[data-invoice-total="-€11.42"]').waitFor();
  });

  it('an admin opens a wallet for a driver, tops it up and sees the ledger', async () => {
    const driver = await page.request.post(`${app.baseUrl}/api/v1/drivers`, { data: { name: 'Wanda Wallet', email: 'wanda@example.com' } });
    expect(driver.status()).toBe(201);
    await page.goto(`${app.baseUrl}/billing/wallets`);
    await page.locator('#wallet-driver').selectOption({ label: 'Wanda Wallet (wanda@example.com)' });
    await page.locator('#wallet-min').fill('5.00');
    await page.getByRole('button', { name: 'Open wallet' }).click();
    await page.waitForURL(/\/billing\/wallets\/[0-9a-f-]{36}$/);
    await page.locator('[data-wallet-balance="€0.00"]').waitFor();

    await page.locator('#top-up-amount').fill('12.345');
    await page.getByRole('button', { name: 'Top up' }).click();
    await page.locator('#top-up-amount-error').getByText('must be a positive amount').waitFor();
    await page.locator('#top-up-amount').fill('20.10');
    await page.getByRole('button', { name: 'Top up' }).click();
    await page.getByText('Topped up.').waitFor();
    await page.locator('[data-wallet-balance="€20.10"]').waitFor();
    await page.getByRole('table', { name: 'Ledger' }).locator('tr[data-entry="top_up"]').getByText('€20.10').waitFor();
    await page.goto(`${app.baseUrl}/billing/wallets`);
    await page.locator('tr[data-wallet="Wanda Wallet"]').getByText('€20.10').waitFor();
  });

  it('an admin creates a plan and subscribes a driver; the first period’s fee is invoiced', async () => {
    await page.goto(`${app.baseUrl}/billing/plans`);
    await page.locator('#plan-name').fill('Commuter');
    await page.locator('#plan-fee').fill('9.999');
    await page.getByRole('button', { name: 'Create plan' }).click();
    await page.locator('#plan-fee-error').getByText('must be an amount').waitFor();
    await page.locator('#plan-fee').fill('9.99');
    await page.getByRole('button', { name: 'Create plan' }).click();
    await page.getByText('Plan created.').waitFor();
    await page.locator('tr[data-plan="Commuter"]').getByText('€9.99').waitFor();

    await page.locator('#subscribe-driver').selectOption({ label: 'Wanda Wallet' });
    await page.locator('#subscribe-plan').selectOption({ label: 'Commuter' });
    await page.locator('#subscribe-start').fill(new Date().toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await page.getByText('Subscribed.').waitFor();
    await page.goto(`${app.baseUrl}/billing/invoices`);
    // €9.99 + 19 % VAT (€1.90, half-up from €1.8981) = €11.89, unpaid (no wallet debit for fees).
    const fee = page.locator('tr', { hasText: 'Wanda Wallet' });
    await fee.getByText('€11.89').waitFor();
    await fee.getByText('Unpaid').waitFor();
  });

  it('a session flagged for review is marked reviewed with a note from its page; the filter no longer lists it', async () => {
    // Flagged as the reconciliation job flags a session it closed.
    const sql = connectAppDatabase(app);
    await sql`update transactions set needs_review = true, review_note = 'closed by reconciliation: test' where id = ${pricedSessionId}`;
    await sql.end();
    await page.goto(`${app.baseUrl}/sessions?needsReview=true`);
    await page.getByRole('link', { name: String(pricedSessionId), exact: true }).click();
    await page.waitForURL(new RegExp(`/sessions/${pricedSessionId}$`));
    await page.locator('#review-note').fill('meter log checked');
    await page.getByRole('button', { name: 'Mark reviewed' }).click();
    // The page re-renders without the flag: the note says who reviewed it, the button is gone.
    await page.getByText(/reviewed by ada@example\.com: meter log checked/).waitFor();
    await expect(page.getByRole('button', { name: 'Mark reviewed' }).count()).resolves.toBe(0);
    await page.goto(`${app.baseUrl}/sessions?needsReview=true`);
    await expect(page.getByRole('link', { name: String(pricedSessionId), exact: true }).count()).resolves.toBe(0);
  });
});
