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

/** Voting periods are short so that results appear during the test; waits are on the page. */
const RESULT_TIMEOUT = 45_000;

describe('decisions', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('grades options in a majority-judgment grid and sees the winner once the vote closes', async () => {
    const alice = await newPerson('alice');
    const { context, page } = await openPage(browser);
    await logIn(page, alice);
    await createGroupThroughForm(page, 'Budget participatif', { method: 'Majority judgment', minutes: 0.2 });
    await proposeThroughForm(page, 'Which project first?', ['Compost', 'Bike racks', 'Library']);
    const ballot = page.getByRole('form', { name: 'Ballot: Which project first?' });
    await ballot.getByRole('radio', { name: 'Compost: Very good' }).check();
    await ballot.getByRole('radio', { name: 'Bike racks: Good' }).check();
    await ballot.getByRole('radio', { name: 'Library: Poor' }).check();
    await screenshot(page, 'majority-judgment-grid-desktop');
    await expectAccessibleView(page);
    await ballot.getByRole('button', { name: 'Vote' }).click();
    await page.getByText('Your vote is recorded').waitFor();

    const result = page.getByRole('region', { name: 'Result of Which project first?' });
    await result.waitFor({ timeout: RESULT_TIMEOUT });
    await expect(result.textContent()).resolves.toMatch(/Winner: Compost/);
    const ranking = await result.getByRole('listitem').allTextContents();
    expect(ranking).toEqual(['Compost', 'Bike racks', 'Library']);
    await screenshot(page, 'majority-judgment-result-desktop');
    await context.close();
  });

  it('carries a delegated vote: a motion is adopted with the weight of the member who delegated', async () => {
    const alice = await newPerson('alice');
    const bob = await newPerson('bob');
    const a = await openPage(browser);
    await logIn(a.page, alice);
    await createGroupThroughForm(a.page, 'Café associatif', {
      method: 'Plurality (one choice)',
      minutes: 0.2,
    });
    await admitThroughForm(a.page, bob);

    const b = await openPage(browser, PHONE);
    await logIn(b.page, bob);
    await joinThroughInvitation(b.page, 'Café associatif');
    await b.page.getByRole('link', { name: 'Decisions' }).click();
    await b.page.getByLabel('To').selectOption({ value: alice.userId });
    await b.page.getByRole('button', { name: 'Delegate' }).click();
    await b.page.getByText(/All decisions: delegated to/).waitFor();
    await screenshot(b.page, 'delegation-phone');
    await expectAccessibleView(b.page);

    // Bob joined the decisions room before the proposal, so he is eligible; his delegation holds.
    await proposeThroughForm(a.page, 'Open on Sundays');
    const ballot = a.page.getByRole('form', { name: 'Ballot: Open on Sundays' });
    await ballot.getByRole('radio', { name: 'yes' }).check();
    await ballot.getByRole('button', { name: 'Vote' }).click();
    await a.page.getByText('Your vote is recorded').waitFor();

    const result = b.page.getByRole('region', { name: 'Result of Open on Sundays' });
    await result.waitFor({ timeout: RESULT_TIMEOUT });
    const text = await result.textContent();
    expect(text).toMatch(/Adopted/);
    expect(text).toMatch(/yes: 2/);
    expect(text).toMatch(/largest weight: alice \(2\)/);
    await screenshot(b.page, 'delegated-result-phone');
    await a.context.close();
    await b.context.close();
  });

  it('changes the control table by its own rule: the adopted change decides the next proposals', async () => {
    const alice = await newPerson('alice');
    const { context, page } = await openPage(browser, PHONE);
    await logIn(page, alice);
    await createGroupThroughForm(page, 'Jardin partagé', { protocol: 'consent', minutes: 0.15 });
    await page.getByRole('link', { name: 'Decisions' }).click();
    const table = page.getByRole('region', { name: 'Who decides what' });
    const offers = table.getByRole('row', { name: /^Publish an offer/ });
    await expect(offers.textContent()).resolves.toMatch(/Consent/);
    const caption = table.locator('caption');
    const version = Number((await caption.textContent())?.match(/version (\d+)/)?.[1]);
    expect(Number.isInteger(version)).toBe(true);

    const form = page.getByRole('form', { name: 'Propose a change' });
    await form.getByLabel('Kind of action').selectOption({ label: 'Publish an offer' });
    await form.getByLabel('Decided by').selectOption('democracy');
    await form.getByLabel('Counting method').selectOption('plurality');
    await form.getByLabel('Period', { exact: true }).fill('2');
    await form.getByLabel('Unit of the period').selectOption('days');
    await form.getByRole('button', { name: 'Propose the change' }).click();
    await form.getByText('Change proposed.').waitFor();
    const title = 'Publish an offer: Public vote, plurality (one choice), over 2 days, delegation allowed';
    await page.getByRole('heading', { level: 3, name: title }).waitFor();
    await screenshot(page, 'control-table-change-phone');
    await expectAccessibleView(page);

    // Nobody objects within the consent period: the change is adopted and the table's version moves on.
    const result = page.getByRole('region', { name: `Result of ${title}` });
    await result.waitFor({ timeout: RESULT_TIMEOUT });
    await expect(result.textContent()).resolves.toMatch(/Adopted/);
    await table.getByText(`Control table, version ${version + 1}`).waitFor({ timeout: RESULT_TIMEOUT });
    await expect(offers.textContent()).resolves.toMatch(/Public vote, plurality \(one choice\), over 2 days/);
    // Other kinds keep the consent rule, and the propose form now says a vote decides offers.
    await expect(table.getByRole('row', { name: /^Publish a need/ }).textContent()).resolves.toMatch(
      /Consent/,
    );
    await page.getByRole('form', { name: 'Propose a decision' }).getByLabel('Kind of action').selectOption({
      label: 'Publish an offer',
    });
    await expect(page.locator('#proposal-rule').textContent()).resolves.toMatch(/Public vote, plurality/);
    await context.close();
  });

  it('consent: a paramount objection stands at the end of the period, so the proposal is rejected', async () => {
    const alice = await newPerson('alice');
    const { context, page } = await openPage(browser);
    await logIn(page, alice);
    await createGroupThroughForm(page, 'Collectif vélo', { protocol: 'consent', minutes: 0.15 });
    await proposeThroughForm(page, 'Paint the shed pink');
    await page.getByLabel(/^Paramount objection/).fill('The neighbours asked for green');
    await page.getByRole('button', { name: 'Object', exact: true }).click();
    await page.getByText('Objection recorded.').waitFor();
    await page.getByRole('button', { name: /^Withdraw my objection/ }).waitFor();
    const result = page.getByRole('region', { name: 'Result of Paint the shed pink' });
    await result.waitFor({ timeout: RESULT_TIMEOUT });
    await expect(result.textContent()).resolves.toMatch(/Rejected — an objection stands/);
    await screenshot(page, 'consent-objection-desktop');
    await context.close();
  });
});
