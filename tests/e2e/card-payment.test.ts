import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApp, type AppProcess } from '../support/app-process';
import { launchBrowser, signIn } from '../support/browser';
import { signedCheckoutEvent, startStripeTestServer, type StripeTestServer } from '../support/stripe-server';

const WEBHOOK_SECRET = 'whsec_e2e_card_payment';
const adminUser = { email: 'ada@example.com', password: 'first admin password' };
let browser: Browser;

/** A driver signs up in the portal on a phone-sized screen; an admin opens a prepaid wallet for them. */
async function driverWithWallet(app: AppProcess, admin: Page, name: string, email: string): Promise<{ context: BrowserContext; page: Page; walletUrl: string }> {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${app.baseUrl}/driver/signup`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('my phone password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: `Hello, ${name}` }).waitFor();
  // Where sign-up lands says at once that charging waits for the email to be confirmed.
  await page.getByTestId('email-not-verified').getByText(`Open the link we sent to ${email}.`, { exact: false }).waitFor();
  await admin.goto(`${app.baseUrl}/billing/wallets`);
  await admin.locator('#wallet-driver').selectOption({ label: `${name} (${email})` });
  await admin.getByRole('button', { name: 'Open wallet' }).click();
  await admin.waitForURL(/\/billing\/wallets\/[0-9a-f-]{36}$/);
  return { context, page, walletUrl: admin.url() };
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('card top-up through Stripe Checkout (a local server plays Stripe’s API and hosted page)', () => {
  let stripe: StripeTestServer;
  let app: AppProcess;
  let admin: Page;
  let driver: Page;
  let walletUrl = '';
  let paymentPage = '';

  beforeAll(async () => {
    stripe = await startStripeTestServer();
    app = await startApp({ env: { ADMIN_EMAIL: adminUser.email, ADMIN_PASSWORD: adminUser.password, STRIPE_SECRET_KEY: 'sk_test_e2e', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_BASE: stripe.url } });
    admin = await browser.newPage();
    await signIn(admin, app.baseUrl, adminUser.email, adminUser.password);
    ({ page: driver, walletUrl } = await driverWithWallet(app, admin, 'Carla Card', 'carla@example.com'));
  });
  afterAll(async () => {
    await app?.stop();
    await stripe?.close();
  });

  const postWebhook = (payload: string, signature: string) =>
    fetch(`${app.baseUrl}/api/v1/payments/webhooks/stripe`, { method: 'POST', body: payload, headers: { 'content-type': 'application/json', 'stripe-signature': signature } });

  it('checks the amount, opens the card page and comes back to a pending payment', async () => {
    await driver.goto(`${app.baseUrl}/driver/account`);
    await driver.getByLabel('Wallet balance').getByText('€0.00').waitFor();
    // Phone first: the card options fit the 375 px screen.
    expect(await driver.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const form = driver.getByRole('form', { name: 'Top up by card' });
    await form.getByLabel('Top-up amount').fill('2');
    await form.getByRole('button', { name: 'Top up by card' }).click();
    await driver.locator('#field-amount-error').getByText('Amount must be at least €5.00.').waitFor();
    expect(stripe.sessions.size).toBe(0);

    await form.getByLabel('Top-up amount').fill('20.00');
    await form.getByRole('button', { name: 'Top up by card' }).click();
    // Through the stand-in for Stripe's hosted page, which sends the browser to success_url.
    await driver.waitForURL(new RegExp(`^${app.baseUrl}/driver/payments/[0-9a-f-]{36}$`));
    paymentPage = driver.url();
    await driver.locator('[data-payment-status="pending"]').getByText('Pending').waitFor();
    const [request] = stripe.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/v1/checkout/sessions', authorization: 'Bearer sk_test_e2e' });
    expect(Object.fromEntries(request!.form)).toMatchObject({ mode: 'payment', 'line_items[0][price_data][unit_amount]': '2000', 'line_items[0][price_data][currency]': 'eur', success_url: paymentPage, 'metadata[paymentId]': paymentPage.split('/').at(-1) });
  });

  it('refuses a forged webhook (400) and credits nothing', async () => {
    const session = { ...stripe.sessions.get('cs_test_1')!, payment_status: 'paid', status: 'complete' };
    const { payload } = signedCheckoutEvent('checkout.session.completed', session, WEBHOOK_SECRET);
    const forged = signedCheckoutEvent('checkout.session.completed', session, 'whsec_someone_else').signature;
    const response = await postWebhook(payload, forged);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe('signature');
    await driver.reload();
    await driver.locator('[data-payment-status="pending"]').waitFor();
    await driver.getByLabel('Wallet balance').getByText('€0.00').waitFor();
  });

  it('shows the payment succeeded and the balance raised once the signed webhook arrives, without a reload', async () => {
    // The pending page follows the driver's event stream (payment.updated), not a poll.
    await driver.locator('[data-testid="payment-live"][data-live="stream"]').waitFor({ state: 'attached' });
    await driver.evaluate(() => Object.assign(window, { paymentPageNotReloaded: true }));
    const session = { ...stripe.sessions.get('cs_test_1')!, payment_status: 'paid', status: 'complete' };
    const { payload, signature } = signedCheckoutEvent('checkout.session.completed', session, WEBHOOK_SECRET);
    const response = await postWebhook(payload, signature);
    expect(await response.json()).toEqual({ outcome: 'applied' });
    await driver.locator('[data-payment-status="succeeded"]').getByText('Payment succeeded').waitFor({ timeout: 15_000 });
    await driver.getByLabel('Wallet balance').getByText('€20.00').waitFor();
    expect(driver.url()).toBe(paymentPage);
    expect(await driver.evaluate(() => (window as unknown as { paymentPageNotReloaded?: boolean }).paymentPageNotReloaded)).toBe(true);
    // Settled: the page stops following the stream.
    expect(await driver.getByTestId('payment-live').count()).toBe(0);
    await driver.goto(`${app.baseUrl}/driver/account`);
    await driver.getByLabel('Wallet balance').getByText('€20.00').waitFor();
    await driver.getByLabel('Wallet movements').getByText('Top-up').waitFor();
  });

  it('shows a payment only to its driver', async () => {
    const other = await driverWithWallet(app, admin, 'Otto Other', 'otto@example.com');
    const response = await other.page.goto(paymentPage);
    expect(response?.status()).toBe(404);
    await other.context.close();
  });

  it('an admin creates a card top-up link on the wallet page, and the driver pays through it', async () => {
    await admin.goto(walletUrl);
    const form = admin.getByRole('form', { name: 'Card payment link' });
    await form.getByLabel('Card top-up amount (EUR)').fill('1');
    await form.getByRole('button', { name: 'Create card payment link' }).click();
    await admin.locator('#link-amount-error').getByText('Amount must be at least €5.00.').waitFor();
    await form.getByLabel('Card top-up amount (EUR)').fill('15.00');
    await form.getByRole('button', { name: 'Create card payment link' }).click();
    await form.getByLabel('Payment link').waitFor();
    const link = await form.getByLabel('Payment link').inputValue();
    expect(link).toBe(`${stripe.url}/pay/cs_test_2`);

    await driver.goto(link);
    await driver.waitForURL(new RegExp(`^${app.baseUrl}/driver/payments/[0-9a-f-]{36}$`));
    await driver.locator('[data-payment-status="pending"]').waitFor();
    const { payload, signature } = signedCheckoutEvent('checkout.session.completed', { ...stripe.sessions.get('cs_test_2')!, payment_status: 'paid' }, WEBHOOK_SECRET);
    expect(await (await postWebhook(payload, signature)).json()).toEqual({ outcome: 'applied' });
    await driver.locator('[data-payment-status="succeeded"]').waitFor({ timeout: 15_000 });
    await driver.getByLabel('Wallet balance').getByText('€35.00').waitFor();
  });
});

describe('without a Stripe key', () => {
  let app: AppProcess;

  beforeAll(async () => {
    app = await startApp({ env: { ADMIN_EMAIL: adminUser.email, ADMIN_PASSWORD: adminUser.password } });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('hides the card options and says card payment is not configured', async () => {
    const admin = await browser.newPage();
    await signIn(admin, app.baseUrl, adminUser.email, adminUser.password);
    const { page, walletUrl } = await driverWithWallet(app, admin, 'Nina Nocard', 'nina@example.com');
    await admin.goto(walletUrl);
    await admin.getByText('Card payment is not configured (no STRIPE_SECRET_KEY).').waitFor();
    expect(await admin.getByRole('button', { name: 'Create card payment link' }).count()).toBe(0);
    await page.goto(`${app.baseUrl}/driver/account`);
    await page.getByLabel('Wallet balance').getByText('€0.00').waitFor();
    await page.locator('[data-card-payments="off"]').getByText('Card payment is not configured.').waitFor();
    expect(await page.getByRole('form', { name: 'Top up by card' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /by card/ }).count()).toBe(0);
  });
});
