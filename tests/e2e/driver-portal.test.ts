import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApp, type AppProcess } from '../support/app-process';
import { launchBrowser, signIn } from '../support/browser';
import { registerCsmsCommands } from '@/scripts/simulator/csms-commands';
import { VirtualStation } from '@/scripts/simulator/virtual-station';

let app: AppProcess;
let browser: Browser;
let admin: Page;
let phone: BrowserContext;
let station: VirtualStation;
const adminUser = { email: 'ada@example.com', password: 'first admin password' };
const password = 'my phone password';

beforeAll(async () => {
  app = await startApp({ env: { ADMIN_EMAIL: adminUser.email, ADMIN_PASSWORD: adminUser.password } });
  // A simulated station (the `npm run simulate` code) that only charges when asked: no RFID loop runs.
  const stats = { connected: 0, calls: 0, callErrors: 0, sessionsStarted: 0, sessionsCompleted: 0, meterValues: 0 };
  station = new VirtualStation({ url: app.ocppUrl, identity: 'QR-SIM-1', connectors: 2, meterIntervalS: 1, speed: 60, idleS: [0, 0], idTags: [], log: () => {}, stats });
  registerCsmsCommands(station);
  await station.start();
  browser = await launchBrowser();
  admin = await browser.newPage();
  await signIn(admin, app.baseUrl, adminUser.email, adminUser.password);
  const tariff = await admin.request.post(`${app.baseUrl}/api/v1/tariffs`, {
    data: { name: 'Public AC', is_default: true, currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY', price: 0.4, vat: 0, step_size: 1 }, { type: 'FLAT', price: 2, vat: 0, step_size: 1 }] }] },
  });
  expect(tariff.status()).toBe(201);
  phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
});
afterAll(async () => {
  await station?.stop().catch(() => {});
  await browser?.close();
  await app?.stop();
});

let page: Page;
let driverId: string;

describe('the driver portal on a phone', () => {
  it('an operator invites a driver; the driver sets a password from the link and is signed in', async () => {
    const created = await admin.request.post(`${app.baseUrl}/api/v1/drivers`, { data: { name: 'Pia Phone', email: 'pia@example.com' } });
    expect(created.status()).toBe(201);
    driverId = ((await created.json()) as { id: string }).id;
    await admin.goto(`${app.baseUrl}/drivers/${driverId}`);
    await admin.getByRole('button', { name: 'Create invitation link' }).click();
    const link = await admin.getByLabel('Invitation link').inputValue();
    expect(link).toMatch(new RegExp(`^${app.baseUrl}/driver/invite/[A-Za-z0-9_-]{43}$`));
    expect(app.output()).toContain(`[driver-portal] invitation for pia@example.com: ${link}`);

    page = await phone.newPage();
    await page.goto(link);
    await page.getByRole('heading', { name: 'Welcome' }).waitFor();
    await page.getByText('At least 12 characters.').waitFor(); // the hint states the rule the form applies
    await page.getByLabel('New password').fill('eleven char');
    await page.getByLabel('Repeat the password').fill('eleven char');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.locator('#field-password-error').getByText('must be at least 12 characters').waitFor();
    await page.getByLabel('New password').fill(password);
    await page.getByLabel('Repeat the password').fill(password);
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.getByRole('heading', { name: 'Hello, Pia Phone' }).waitFor();
    await page.getByText('No sessions yet').waitFor();
  });

  it('signs out and in again with email and password', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${app.baseUrl}/driver/login`);
    await page.getByLabel('Email').fill('pia@example.com');
    await page.getByLabel('Password').fill('not my password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Invalid email or password.').waitFor();
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Hello, Pia Phone' }).waitFor();
  });

  it('opens the QR link, starts charging, watches the live session, stops and sees the receipt', async () => {
    await page.goto(`${app.baseUrl}/c/QR-SIM-1/1`);
    await page.getByRole('heading', { name: 'Connector 1' }).waitFor();
    await page.getByTestId('connector-status').getByText('Available').waitFor();
    await page.getByText('€0.40/kWh · €2.00 per session').waitFor();
    // Phone first: nothing wider than the 375 px screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await page.getByRole('button', { name: 'Start charging' }).click();
    await page.getByRole('heading', { name: 'Charging' }).waitFor({ timeout: 20_000 });
    // The live figures come over the driver's event stream, not a poll.
    await page.locator('[data-testid="connector-live"][data-live="stream"]').waitFor();
    const energy = page.getByLabel('Live session').getByLabel('Energy');
    await expect.poll(async () => parseFloat(await energy.innerText()), { timeout: 20_000 }).toBeGreaterThan(0);
    const first = parseFloat(await energy.innerText());
    await expect.poll(async () => parseFloat(await energy.innerText()), { timeout: 20_000 }).toBeGreaterThan(first);
    await expect.poll(async () => page.getByLabel('Live session').getByLabel('Cost so far').innerText()).toMatch(/^€\d+\.\d\d$/);

    // The open session's receipt, in a second tab, follows the driver's event stream.
    const live = (await (await admin.request.get(`${app.baseUrl}/api/v1/transactions/live?stationId=QR-SIM-1`)).json()) as { data: { transactionId: number }[] };
    const receiptTab = await phone.newPage();
    await receiptTab.goto(`${app.baseUrl}/driver/sessions/${live.data[0]!.transactionId}`);
    await receiptTab.getByText('This session is still open').waitFor();
    await receiptTab.locator('[data-testid="receipt-live"][data-live="stream"]').waitFor({ state: 'attached' });
    // A marker that a reload would lose: the receipt must turn final in place.
    await receiptTab.evaluate(() => Object.assign(window, { receiptNotReloaded: true }));

    await page.getByRole('button', { name: 'Stop charging' }).click();
    await page.waitForURL(/\/driver\/sessions\/\d+$/);
    const transactionId = Number(page.url().split('/').at(-1));
    expect(transactionId).toBe(live.data[0]!.transactionId);
    await page.getByRole('heading', { name: 'Receipt' }).waitFor();
    await page.getByText('This session is still open').waitFor({ state: 'detached', timeout: 20_000 });
    await receiptTab.getByText('This session is still open').waitFor({ state: 'detached', timeout: 20_000 });
    await receiptTab.getByTestId('receipt-total').waitFor();
    expect(await receiptTab.evaluate(() => (window as unknown as { receiptNotReloaded?: boolean }).receiptNotReloaded)).toBe(true);
    await receiptTab.close();
    const priced = (await (await admin.request.get(`${app.baseUrl}/api/v1/transactions/${transactionId}`)).json()) as { cost: { gross: number; isFinal: boolean } };
    expect(priced.cost.isFinal).toBe(true);
    expect(priced.cost.gross).toBeGreaterThan(200);
    expect(await page.getByTestId('receipt-total').innerText()).toBe(`€${(priced.cost.gross / 100).toFixed(2)}`);
    // The operator's session page shows the same amount, from the invoice once it is issued.
    await expect
      .poll(async () => ((await (await admin.request.get(`${app.baseUrl}/api/v1/transactions/${transactionId}`)).json()) as { total: { basis: string } }).total.basis, { timeout: 20_000 })
      .toBe('invoice');
    await admin.goto(`${app.baseUrl}/sessions/${transactionId}`);
    await admin.getByTestId('cost-basis').getByText('Invoiced').waitFor();
    expect(await admin.getByTestId('cost-total').innerText()).toBe(`€${(priced.cost.gross / 100).toFixed(2)}`);

    await page.goto(`${app.baseUrl}/driver`);
    await page.getByRole('link', { name: /QR-SIM-1 · connector 1/ }).waitFor();
  });

  it('"Forgot your password?" sends at most 3 links an hour for an email, then says when to try again', async () => {
    const visitor = await (await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true })).newPage();
    const resetLinks = () => app.output().split('\n').filter((line) => line.includes('[driver-portal] password reset for pia@example.com')).length;
    for (let i = 1; i <= 3; i++) {
      await visitor.goto(`${app.baseUrl}/driver/reset`);
      await visitor.getByLabel('Email').fill('pia@example.com');
      await visitor.getByRole('button', { name: 'Send me a reset link' }).click();
      await visitor.getByText('If this email belongs to a driver account, a reset link is on its way.', { exact: false }).waitFor();
      await expect.poll(resetLinks).toBe(i);
    }
    await visitor.goto(`${app.baseUrl}/driver/reset`);
    await visitor.getByLabel('Email').fill('pia@example.com');
    await visitor.getByRole('button', { name: 'Send me a reset link' }).click();
    await visitor.getByRole('alert').getByText(/^A reset link was asked for 3 times in the last hour for this email\. Try again in (60|59) minutes, or open the last link\.$/).waitFor();
    expect(resetLinks()).toBe(3);
    await visitor.context().close();
  });

  it('refuses operator pages and the operator API to the driver', async () => {
    await page.goto(`${app.baseUrl}/drivers`);
    await page.waitForURL(/\/login/);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect((await page.request.get(`${app.baseUrl}/api/v1/drivers`)).status()).toBe(401);
    expect((await page.request.get(`${app.baseUrl}/api/v1/transactions/live`)).status()).toBe(401);
    // The driver's own data stays reachable.
    expect((await page.request.get(`${app.baseUrl}/api/driver/export`)).status()).toBe(200);
    // The driver's live stream needs the driver's cookie; an operator session is not one.
    expect((await admin.request.get(`${app.baseUrl}/api/driver/events`, { timeout: 10_000 })).status()).toBe(401);
  });
});

describe('the station page\'s Access tab (operator) with the same simulated station', () => {
  it('sends the local list and checks its version', async () => {
    await admin.goto(`${app.baseUrl}/stations/QR-SIM-1?tab=access`);
    await admin.getByTestId('local-list-state').getByText('Never sent').waitFor();
    await admin.getByRole('button', { name: 'Send full list' }).click();
    await admin.getByText('Full list version 1 (1 entry): the station answered Accepted.').waitFor();
    await admin.getByTestId('local-list-state').getByText('In sync').waitFor();
    await admin.getByRole('button', { name: 'Check version' }).click();
    await admin.getByText('The station holds list version 1.').waitFor();
  });

  it('reserves a connector for the driver, who alone may start there, and cancels it', async () => {
    const tags = ((await (await admin.request.get(`${app.baseUrl}/api/v1/drivers/${driverId}`)).json()) as { idTags: { idTag: string }[] }).idTags;
    const reserveForm = admin.getByRole('form', { name: 'Reserve a connector' });
    await reserveForm.getByLabel('Connector').fill('2');
    await reserveForm.getByLabel('For tag').fill(tags[0]!.idTag);
    await reserveForm.getByRole('button', { name: 'Reserve' }).click();
    await admin.getByText(/^Reservation \d+ accepted until/).waitFor();
    await admin.getByRole('table', { name: 'Reservations' }).getByRole('cell', { name: 'active' }).waitFor();

    await page.goto(`${app.baseUrl}/c/QR-SIM-1/2`);
    await page.getByTestId('connector-status').getByText('Reserved').waitFor();
    expect(await page.getByRole('button', { name: 'Start charging' }).isEnabled()).toBe(true);

    await admin.getByRole('table', { name: 'Reservations' }).getByRole('button', { name: 'Cancel' }).click();
    await admin.getByRole('table', { name: 'Reservations' }).getByRole('cell', { name: 'cancelled' }).waitFor();
    await page.getByTestId('connector-status').getByText('Available').waitFor();
  });

  it('lets the driver block a lost tag from the phone', async () => {
    await page.goto(`${app.baseUrl}/driver/account`);
    const [tag] = ((await (await admin.request.get(`${app.baseUrl}/api/v1/drivers/${driverId}`)).json()) as { idTags: { idTag: string }[] }).idTags;
    await page.getByRole('button', { name: `Block ${tag!.idTag}` }).click();
    await page.getByText('Blocked', { exact: true }).waitFor();
    const after = (await (await admin.request.get(`${app.baseUrl}/api/v1/id-tags/${tag!.idTag}`)).json()) as { status: string };
    expect(after.status).toBe('Blocked');
    // Her only tag is blocked: the QR page says so before she presses anything.
    await page.goto(`${app.baseUrl}/c/QR-SIM-1/1`);
    await page.getByTestId('driver-blocker').getByText('Your account has no card that may charge here. Contact the operator.').waitFor();
    expect(await page.getByRole('button', { name: 'Start charging' }).isDisabled()).toBe(true);
  });
});

describe('a new driver signs up from the QR page and adds a card', () => {
  let newcomer: Page;

  it('signs up from the QR page and comes back to it, signed in', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    newcomer = await context.newPage();
    await newcomer.goto(`${app.baseUrl}/c/QR-SIM-1/1`);
    await newcomer.getByRole('link', { name: 'New here? Create an account' }).click();
    await newcomer.getByRole('heading', { name: 'Create an account' }).waitFor();
    expect(await newcomer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await newcomer.getByLabel('Name').fill('Nina New');
    await newcomer.getByLabel('Email').fill('PIA@example.com');
    await newcomer.getByLabel('Password').fill('short pass');
    await newcomer.getByRole('button', { name: 'Create account' }).click();
    await newcomer.locator('#field-password-error').getByText('must be at least 12 characters').waitFor();
    await newcomer.getByLabel('Password').fill('nina long password');
    await newcomer.getByRole('button', { name: 'Create account' }).click();
    await newcomer.locator('#field-email-error').getByText('An account with this email already exists.', { exact: false }).waitFor();

    await newcomer.getByLabel('Email').fill('nina@example.com');
    await newcomer.getByLabel('Password').fill('nina long password');
    await newcomer.getByRole('button', { name: 'Create account' }).click();
    await newcomer.waitForURL(`${app.baseUrl}/c/QR-SIM-1/1`);
    await newcomer.getByRole('button', { name: 'Start charging' }).waitFor();
    await newcomer.locator('[data-testid="connector-live"][data-live="stream"]').waitFor();

    const found = (await (await admin.request.get(`${app.baseUrl}/api/v1/drivers?search=nina`)).json()) as { data: { id: string; status: string }[] };
    expect(found.data.map((d) => d.status)).toEqual(['active']);
  });

  it('must confirm the email first: the QR page says so up front with Start disabled; add-a-card is refused; "Send the link again" is limited; its link verifies', async () => {
    const verificationLinks = () => [...app.output().matchAll(/\[driver-portal\] email verification for nina@example\.com: (\S+)/g)].map((match) => match[1]!);
    expect(verificationLinks()).toHaveLength(1);
    await newcomer.goto(`${app.baseUrl}/c/QR-SIM-1/2`);
    await newcomer.getByTestId('connector-status').getByText('Available').waitFor();
    const notice = newcomer.getByTestId('email-not-verified');
    await notice.getByText('Your email address is not confirmed yet').waitFor();
    await notice.getByText('Open the link we sent to nina@example.com.', { exact: false }).waitFor();
    expect(await newcomer.getByRole('button', { name: 'Start charging' }).isDisabled()).toBe(true);
    expect(await newcomer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await notice.getByRole('button', { name: 'Send the link again' }).click();
    await notice.getByText('A new link is on its way to nina@example.com. It is valid for 24 hours.').waitFor();
    expect(verificationLinks()).toHaveLength(2);

    await newcomer.goto(`${app.baseUrl}/driver/account`);
    await newcomer.getByText('Your email address is not confirmed yet').waitFor();
    const form = newcomer.getByRole('form', { name: 'Add a card' });
    await form.getByLabel('Card number').fill('04A1B2C3D4E5F6');
    await form.getByRole('button', { name: 'Add card' }).click();
    await form.getByText('Confirm your email address first', { exact: false }).waitFor();

    const [nina] = ((await (await admin.request.get(`${app.baseUrl}/api/v1/drivers?search=nina`)).json()) as { data: { id: string }[] }).data;
    await admin.goto(`${app.baseUrl}/drivers/${nina!.id}`);
    await admin.getByText('Email not verified').waitFor();

    // Three links an hour: two more from the account page, then the fourth is refused, saying when to try again.
    const accountNotice = newcomer.getByTestId('email-not-verified');
    for (const count of [3, 4]) {
      await newcomer.reload();
      await accountNotice.getByRole('button', { name: 'Send the link again' }).click();
      await accountNotice.getByText('A new link is on its way', { exact: false }).waitFor();
      expect(verificationLinks()).toHaveLength(count);
    }
    await newcomer.reload();
    await accountNotice.getByRole('button', { name: 'Send the link again' }).click();
    await accountNotice.getByRole('alert').getByText(/^You asked for 3 new links in the last hour\. Try again in (60|59) minutes, or open the last link we sent\.$/).waitFor();
    expect(verificationLinks()).toHaveLength(4);
    const link = verificationLinks()[3]!;
    expect(link).toMatch(new RegExp(`^${app.baseUrl}/driver/verify/[A-Za-z0-9_-]{43}$`));
    await newcomer.goto(link);
    await newcomer.getByRole('button', { name: 'Confirm my email' }).click();
    await newcomer.getByText('Your email address is confirmed.', { exact: false }).waitFor();
    expect(await newcomer.getByText('Your email address is not confirmed yet').count()).toBe(0);
    await newcomer.goto(link);
    await newcomer.getByText('This link is expired or was used already.', { exact: false }).waitFor();

    await admin.reload();
    await admin.getByText('Email verified', { exact: true }).waitFor();

    // Confirmed: the QR page lets her start.
    await newcomer.goto(`${app.baseUrl}/c/QR-SIM-1/2`);
    await newcomer.getByTestId('connector-status').getByText('Available').waitFor();
    expect(await newcomer.getByRole('button', { name: 'Start charging' }).isEnabled()).toBe(true);
    expect(await newcomer.getByTestId('email-not-verified').count()).toBe(0);
  });

  it('adds an RFID card on the account page; a registered number is refused without saying whose', async () => {
    await newcomer.goto(`${app.baseUrl}/driver/account`);
    await newcomer.getByText(/^APP-[0-9A-F]{12}$/).waitFor();
    const form = newcomer.getByRole('form', { name: 'Add a card' });
    const [piaTag] = ((await (await admin.request.get(`${app.baseUrl}/api/v1/drivers/${driverId}`)).json()) as { idTags: { idTag: string }[] }).idTags;
    await form.getByLabel('Card number').fill(piaTag!.idTag);
    await form.getByRole('button', { name: 'Add card' }).click();
    await newcomer.locator('#field-idTag-error').getByText('This card number is already registered. If the card is yours, contact the operator.').waitFor();
    await form.getByLabel('Card number').fill('04A1B2C3D4E5F6');
    await form.getByRole('button', { name: 'Add card' }).click();
    await newcomer.getByText('Card 04A1B2C3D4E5F6 added. You can charge with it now.').waitFor();
    await newcomer.getByRole('button', { name: 'Block 04A1B2C3D4E5F6' }).waitFor();
    const card = (await (await admin.request.get(`${app.baseUrl}/api/v1/id-tags/04A1B2C3D4E5F6`)).json()) as { status: string };
    expect(card.status).toBe('Accepted');
  });

  it('an operator changes her email: it is unverified again and a link goes to the new address; an admin marks it verified', async () => {
    const [nina] = ((await (await admin.request.get(`${app.baseUrl}/api/v1/drivers?search=nina`)).json()) as { data: { id: string }[] }).data;
    await admin.goto(`${app.baseUrl}/drivers/${nina!.id}`);
    await admin.getByText('Email verified', { exact: true }).waitFor();
    expect(await admin.getByRole('button', { name: 'Mark email verified' }).count()).toBe(0);
    await admin.getByLabel('Email').fill('nina@new.example');
    await admin.getByRole('button', { name: 'Save driver' }).click();
    await admin.getByText('Driver saved.').waitFor();
    await admin.getByText('Email not verified').waitFor();
    expect(app.output()).toMatch(new RegExp(`\\[driver-portal\\] email verification for nina@new\\.example: ${app.baseUrl}/driver/verify/[A-Za-z0-9_-]{43}`));

    // The driver sees it at once on the QR page: Start waits for the new address.
    await newcomer.goto(`${app.baseUrl}/c/QR-SIM-1/2`);
    await newcomer.getByTestId('email-not-verified').getByText('Open the link we sent to nina@new.example.', { exact: false }).waitFor();
    expect(await newcomer.getByRole('button', { name: 'Start charging' }).isDisabled()).toBe(true);

    await admin.getByRole('button', { name: 'Mark email verified' }).click();
    await admin.getByText('Email verified', { exact: true }).waitFor();
    expect(await admin.getByRole('button', { name: 'Mark email verified' }).count()).toBe(0);
    const audit = (await (await admin.request.get(`${app.baseUrl}/api/v1/audit-log?action=driver.email_verified`)).json()) as { data: { targetId: string; detail: string }[] };
    expect(audit.data).toEqual([expect.objectContaining({ targetId: nina!.id, detail: 'nina@new.example marked verified by an admin' })]);
    await newcomer.reload();
    await newcomer.getByTestId('connector-status').getByText('Available').waitFor();
    expect(await newcomer.getByRole('button', { name: 'Start charging' }).isEnabled()).toBe(true);
  });

  it('an admin closes self sign-up in Settings: the links go and the page says so; reopened, they come back', async () => {
    const form = admin.getByRole('form', { name: 'Driver portal' });
    await admin.goto(`${app.baseUrl}/settings`);
    await form.getByLabel('Drivers may sign up on their own').uncheck();
    await form.getByRole('button', { name: 'Save' }).click();
    await admin.getByText('Self sign-up is closed; invitations still work.').waitFor();

    const visitor = await (await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true })).newPage();
    await visitor.goto(`${app.baseUrl}/c/QR-SIM-1/1`);
    await visitor.getByRole('link', { name: 'Sign in to charge' }).waitFor();
    expect(await visitor.getByRole('link', { name: 'New here? Create an account' }).count()).toBe(0);
    await visitor.goto(`${app.baseUrl}/driver/signup`);
    await visitor.getByText('Sign-up is closed here. Ask the charging operator for an invitation.').waitFor();
    expect(await visitor.getByRole('button', { name: 'Create account' }).count()).toBe(0);

    await form.getByLabel('Drivers may sign up on their own').check();
    await form.getByRole('button', { name: 'Save' }).click();
    await admin.getByText('Drivers can sign up on their own.').waitFor();
    await visitor.goto(`${app.baseUrl}/c/QR-SIM-1/1`);
    await visitor.getByRole('link', { name: 'New here? Create an account' }).waitFor();
  });
});
