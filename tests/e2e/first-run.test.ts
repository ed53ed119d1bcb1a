import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type AppProcess } from '../support/app-process';
import { launchBrowser } from '../support/browser';

let app: AppProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const admin = { name: 'Ada Admin', email: 'ada@example.com', password: 'first admin password' };
const operator = { name: 'Otto Operator', email: 'otto@example.com', password: 'operator password 1' };

async function signIn(email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('first run, as a person in a browser', () => {
  it('sends a newcomer from / to the setup page while no user exists', async () => {
    await page.goto(`${app.baseUrl}/`);
    await page.waitForURL('**/setup');
    await expect(page.getByRole('heading', { name: 'Welcome' }).isVisible()).resolves.toBe(true);
  });

  it('shows field errors next to the fields and keeps what was typed', async () => {
    await page.getByLabel('Your name').fill(admin.name);
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByLabel('Repeat password').fill('different');
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await page.getByText('must be a valid email address').waitFor();
    await expect(page.getByText('must be at least 12 characters').isVisible()).resolves.toBe(true);
    await expect(page.getByText('does not match the password').isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Your name').inputValue()).resolves.toBe(admin.name);
    await expect(page.getByLabel('Email').getAttribute('aria-invalid')).resolves.toBe('true');
  });

  it('creates the first admin, then refuses a wrong password with a generic message', async () => {
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByLabel('Repeat password').fill(admin.password);
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await page.waitForURL('**/login?setup=1');
    await page.getByText('Admin account created').waitFor();

    await signIn(admin.email, 'wrong password!!');
    await page.getByText('Invalid email or password.').waitFor();
  });

  it('signs the admin in to the overview with every area of the product in the sidebar', async () => {
    await signIn(admin.email, admin.password);
    await page.waitForURL(`${app.baseUrl}/`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const area of ['Overview', 'Stations', 'Sessions', 'Drivers & tags', 'Tariffs & billing', 'Maintenance', 'Analytics', 'Settings']) {
      await expect(nav.getByRole('link', { name: area }).isVisible()).resolves.toBe(true);
    }
    await expect(page.getByText(admin.name).first().isVisible()).resolves.toBe(true);
    // The live-events stream (SSE) is connected: the indicator says so.
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  });

  it('lets the admin create an operator, with field errors for bad input', async () => {
    await page.goto(`${app.baseUrl}/settings/users`);
    await page.getByLabel('Name').fill(operator.name);
    await page.getByLabel('Email').fill('otto@');
    await page.getByLabel('Initial password').fill(operator.password);
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByText('must be a valid email address').waitFor();

    await page.getByLabel('Email').fill(operator.email);
    await page.getByLabel('Initial password').fill(operator.password);
    await page.getByLabel('Role', { exact: true }).selectOption('operator');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByText(`${operator.email} can now sign in as operator.`).waitFor();
    const row = page.getByRole('row').filter({ hasText: operator.email });
    await expect(row.getByRole('combobox').inputValue()).resolves.toBe('operator');
  });

  it('keeps the last admin from demoting themself', async () => {
    const row = page.getByRole('row').filter({ hasText: admin.email });
    await row.getByRole('combobox').selectOption('viewer');
    await row.getByRole('button', { name: 'Save' }).click();
    await row.getByText('This is the last active admin').waitFor();
  });

  it('records those changes in the audit log', async () => {
    await page.goto(`${app.baseUrl}/settings/audit`);
    const table = page.getByRole('table', { name: 'Audit log' });
    await table.getByText('user.create', { exact: true }).waitFor();
    await expect(table.getByText('user.create_first_admin').isVisible()).resolves.toBe(true);
    // The refused self-demotion is on record as a failure.
    const refused = table.getByRole('row').filter({ hasText: 'user.update' });
    await expect(refused.getByText('failure').isVisible()).resolves.toBe(true);
  });

  it('signs out, and the operator gets 403 on the users page', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login**');
    await signIn(operator.email, operator.password);
    await page.waitForURL(`${app.baseUrl}/`);
    const response = await page.goto(`${app.baseUrl}/settings/users`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'You do not have access to this page' }).isVisible()).resolves.toBe(true);
    await page.goto(`${app.baseUrl}/settings`);
    await expect(page.getByRole('link', { name: /Users/ }).count()).resolves.toBe(0);
    await expect(page.getByLabel('Unknown stations').isDisabled()).resolves.toBe(true);
  });

  it('signs the operator out again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login**');
    await page.goto(`${app.baseUrl}/settings`);
    await page.waitForURL('**/login**');
  });
});
