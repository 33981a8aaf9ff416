import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, screenshot } from '../browser/chromium';
import { createGroupThroughForm, logIn, newPerson, proposeThroughForm } from '../browser/person';

const CLOSING_TIMEOUT = 90_000;

describe('secret ballot run by the group service', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('grades in a secret majority-judgment grid encrypted in the browser; the service tallies and the browser verifies its archive', async () => {
    const service = process.env.IMAGO_SERVICE_USER_ID;
    if (!service)
      throw new Error('IMAGO_SERVICE_USER_ID is not set: the global setup starts the example server');
    const alice = await newPerson('alice');
    const { context, page } = await openPage(browser);
    await logIn(page, alice);
    // The service is named at creation: it becomes part of the group's authority, and is invited.
    await createGroupThroughForm(page, 'Assemblée des habitants', {
      method: 'Majority judgment',
      secret: true,
      minutes: 0.3,
      service,
    });
    await page.getByRole('link', { name: 'Members' }).click();
    // The service joins the space and its rooms when invited.
    await page.getByRole('list').getByText(service).waitFor();
    await page.locator('li', { hasText: service }).getByText('invited').waitFor({ state: 'detached' });

    await proposeThroughForm(page, 'Which square to green first?', ['Place Verte', 'Square Bleu']);
    const ballot = page.getByRole('form', { name: 'Secret ballot: Which square to green first?' });
    await ballot.waitFor({ timeout: 30_000 });
    await ballot.getByRole('radio', { name: 'Place Verte: Excellent' }).check();
    await ballot.getByRole('radio', { name: 'Square Bleu: Fair' }).check();
    await screenshot(page, 'service-secret-grid-desktop');
    await ballot.getByRole('button', { name: 'Encrypt and cast my ballot' }).click();
    await page.getByText(/found in the ballot box/).waitFor();

    const result = page.getByRole('region', { name: 'Result of Which square to green first?' });
    await result.waitFor({ timeout: CLOSING_TIMEOUT });
    const text = await result.textContent();
    expect(text).toMatch(/Winner: Place Verte/);
    expect(text).toMatch(/verified the election's evidence/);
    await screenshot(page, 'service-secret-result-desktop');
    await context.close();
  }, 150_000);
});
