import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, PHONE, screenshot } from '../browser/chromium';
import { createGroupThroughForm, logIn, newPerson } from '../browser/person';

describe('graph of groups', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws the person’s groups and their sub-group relation, with a text alternative', async () => {
    const alice = await newPerson('alice');
    const { context, page } = await openPage(browser);
    await logIn(page, alice);
    await createGroupThroughForm(page, 'Collectif Climat');
    await createGroupThroughForm(page, 'Climat — transports', { parent: 'Collectif Climat' });

    await page.getByRole('link', { name: 'Graph', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Graph of groups' }).waitFor();
    const picture = page.locator('.graph-canvas[data-rendered="true"][data-nodes="2"][data-edges="1"]');
    await picture.waitFor();
    await expect(picture.locator('canvas').count()).resolves.toBeGreaterThan(0);
    const list = page.getByRole('region', { name: 'Groups and relations' });
    await list.getByText('sub-group of: Collectif Climat').waitFor();
    await screenshot(page, 'graph-desktop');

    await page.setViewportSize(PHONE);
    await picture.waitFor();
    await screenshot(page, 'graph-phone');
    await context.close();
  });
});
