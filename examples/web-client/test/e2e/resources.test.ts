import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessibleView } from '../browser/accessibility';
import { launchChromium, openPage, PHONE, screenshot } from '../browser/chromium';
import { createGroupThroughForm, logIn, newPerson } from '../browser/person';

describe('relations, offers and needs, announcements, feeds', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('announces an offer to a partner group, which sees it among its announcements and in a manual feed', async () => {
    const alice = await newPerson('alice');
    const { context, page } = await openPage(browser);
    await logIn(page, alice);
    await createGroupThroughForm(page, 'Jardin des Lilas');
    await createGroupThroughForm(page, 'Cantine solidaire');

    // Cantine proposes a partnership; Jardin accepts it: the relation is consented by both sides.
    await page.getByRole('link', { name: 'Relations' }).click();
    await page.getByLabel('With').selectOption({ label: 'Jardin des Lilas' });
    await page.getByLabel('Type').fill('partner');
    await page.getByRole('button', { name: 'Propose the relation' }).click();
    await page.getByText('waiting for them').waitFor();
    await page.getByRole('link', { name: 'Groups', exact: true }).click();
    await page.getByRole('link', { name: /Jardin des Lilas/ }).click();
    await page.getByRole('link', { name: 'Relations' }).click();
    await page.getByRole('button', { name: 'Accept partner with Cantine solidaire' }).click();
    await page.getByText('accepted', { exact: true }).waitFor();

    await page.getByRole('link', { name: 'Offers & needs' }).click();
    await page.getByLabel('Title').fill('Tomatoes');
    await page.getByLabel('What (resource)').fill('tomatoes');
    await page.getByLabel('Quantity').fill('5');
    await page.getByLabel('Unit').selectOption({ label: 'kg' });
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published, and announced to 1 related group.').waitFor();
    const offers = page.getByRole('list', { name: 'Offers and needs of the group' });
    await expect(offers.textContent()).resolves.toMatch(/Offer\s*Tomatoes — 5 kg of tomatoes/);
    await screenshot(page, 'offers-desktop');
    await expectAccessibleView(page);

    await page.getByRole('link', { name: 'Groups', exact: true }).click();
    await page.getByRole('link', { name: /Cantine solidaire/ }).click();
    await page.getByRole('link', { name: 'Announcements' }).click();
    const received = page.getByRole('list', { name: 'Announcements received' });
    await received.getByText('Tomatoes', { exact: true }).waitFor();
    await expect(received.textContent()).resolves.toMatch(/from Jardin des Lilas/);
    await screenshot(page, 'announcements-desktop');

    await page.setViewportSize(PHONE);
    await page.getByRole('link', { name: 'Feeds' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Food around the canteen');
    await page.getByLabel('Seen from the group').selectOption({ label: 'Cantine solidaire' });
    await page.getByRole('button', { name: 'Create the feed' }).click();
    const feed = page.getByRole('list', { name: 'Items of Food around the canteen' });
    await feed.getByText('Tomatoes', { exact: true }).waitFor();
    await screenshot(page, 'feed-phone');
    await expectAccessibleView(page);

    await page.getByRole('link', { name: 'Graph', exact: true }).click();
    await page
      .getByRole('region', { name: 'Groups and relations' })
      .getByText('partner: Jardin des Lilas')
      .waitFor();
    await screenshot(page, 'graph-partners-phone');
    await expectAccessibleView(page);
    await context.close();
  });
});
