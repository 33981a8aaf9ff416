import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessibleView } from '../browser/accessibility';
import { launchChromium, openPage, PHONE, screenshot } from '../browser/chromium';
import {
  admitThroughForm,
  createGroupThroughForm,
  joinThroughInvitation,
  logIn,
  newPerson,
  proposeThroughForm,
} from '../browser/person';

const CLOSING_TIMEOUT = 60_000;

describe('secret ballot', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('encrypts ballots in the browsers, decrypts only the total, and every member verifies the result', async () => {
    const alice = await newPerson('alice');
    const bob = await newPerson('bob');
    const a = await openPage(browser);
    await logIn(a.page, alice);
    await createGroupThroughForm(a.page, 'Conseil de quartier', {
      method: 'Plurality (one choice)',
      secret: true,
      minutes: 0.35,
    });
    await admitThroughForm(a.page, bob);
    const b = await openPage(browser, PHONE);
    await logIn(b.page, bob);
    await joinThroughInvitation(b.page, 'Conseil de quartier');
    await b.page.getByRole('link', { name: 'Decisions' }).click();

    await proposeThroughForm(a.page, 'Choose the logo', ['Sun', 'Tree']);
    await a.page.getByRole('button', { name: /Set up the secret ballot/ }).click();
    await a.page.getByText('The secret ballot is open').waitFor();

    const aliceBallot = a.page.getByRole('form', { name: 'Secret ballot: Choose the logo' });
    await aliceBallot.getByRole('radio', { name: 'Tree' }).check();
    await aliceBallot.getByRole('button', { name: 'Encrypt and cast my ballot' }).click();
    await a.page.getByText(/found in the ballot box/).waitFor();

    const bobBallot = b.page.getByRole('form', { name: 'Secret ballot: Choose the logo' });
    await bobBallot.getByRole('radio', { name: 'Tree' }).check();
    await bobBallot.getByRole('button', { name: 'Encrypt and cast my ballot' }).click();
    await b.page.getByText(/found in the ballot box/).waitFor();
    await b.page.getByText('2 encrypted ballots in the ballot box.').waitFor();
    await screenshot(b.page, 'secret-ballot-cast-phone');
    await expectAccessibleView(b.page);

    await a.page
      .getByRole('button', { name: 'Decrypt the total and publish the result' })
      .click({ timeout: CLOSING_TIMEOUT });
    const result = b.page.getByRole('region', { name: 'Result of Choose the logo' });
    await result.waitFor({ timeout: CLOSING_TIMEOUT });
    const text = await result.textContent();
    expect(text).toMatch(/Adopted/);
    expect(text).toMatch(/Winner: Tree/);
    expect(text).toMatch(/Sun: 0/);
    expect(text).toMatch(/Tree: 2/);
    expect(text).toMatch(/verified the election's evidence/);
    await screenshot(b.page, 'secret-ballot-result-phone');
    await a.page.getByRole('region', { name: 'Result of Choose the logo' }).waitFor();
    await screenshot(a.page, 'secret-ballot-result-desktop');
    await a.context.close();
    await b.context.close();
  });
});
