import { testHomeserverFromEnvironment } from '@imago/matrix-binding/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessibleView } from '../browser/accessibility';
import { clientUrl, launchChromium, openPage, PHONE, screenshot } from '../browser/chromium';
import { logIn, newPerson } from '../browser/person';

describe('login', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('logs a person in with a password, shows their id, and keeps the session across a reload', async () => {
    const alice = await newPerson('alice');
    const { context, page } = await openPage(browser);
    await page.goto(clientUrl());
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await screenshot(page, 'login-desktop');
    await logIn(page, alice);
    await expect(page.getByText(alice.userId).isVisible()).resolves.toBe(true);
    await page.getByText('You are in no group yet').waitFor();
    await screenshot(page, 'groups-empty-desktop');
    await expectAccessibleView(page);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Groups' }).waitFor();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await context.close();
  });

  it('refuses a wrong password with an alert and stays on the login form', async () => {
    const bob = await newPerson('bob');
    const { context, page } = await openPage(browser, PHONE);
    await page.goto(clientUrl());
    await page.getByLabel('Homeserver').fill(testHomeserverFromEnvironment().baseUrl);
    await page.getByLabel('User name').fill(bob.localpart);
    await page.getByLabel('Password').fill(`${bob.password}-wrong`);
    await page.getByRole('button', { name: 'Log in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/Login failed/);
    await screenshot(page, 'login-refused-phone');
    await expectAccessibleView(page);
    await context.close();
  });

  it('lets a keyboard reach every login field and the button in order', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(clientUrl());
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || ''),
      );
    }
    expect(order).toEqual(['login-homeserver', 'login-user', 'login-password', 'Log in']);
    await context.close();
  });
});
