import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessibleView } from '../browser/accessibility';
import { launchChromium, openPage, PHONE, screenshot } from '../browser/chromium';
import {
  createGroupThroughForm,
  joinThroughInvitation,
  logIn,
  newPerson,
  proposeThroughForm,
} from '../browser/person';

describe('admission', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('asks to join a group; the service proposes the admission, the founder adopts it, the newcomer joins and takes part', async () => {
    const service = process.env.IMAGO_SERVICE_USER_ID;
    if (!service)
      throw new Error('IMAGO_SERVICE_USER_ID is not set: the global setup starts the example server');
    const [alice, kay] = await Promise.all([newPerson('alice'), newPerson('kay')]);
    const a = await openPage(browser);
    await logIn(a.page, alice);
    await createGroupThroughForm(a.page, 'Rucher partagé', { protocol: 'consent', minutes: 1, service });
    const spaceId = decodeURIComponent(/#\/groups\/([^/]+)/.exec(a.page.url())?.[1] ?? '');
    expect(spaceId).toMatch(/^!/);

    // Kay found the group: she cannot join it, she asks.
    const k = await openPage(browser, PHONE);
    await logIn(k.page, kay);
    await k.page.getByLabel('Group address (space id or alias)').fill(spaceId);
    await k.page.getByLabel('A word to the group (optional)').fill('I keep bees two streets away');
    await k.page.getByRole('button', { name: 'Ask to join' }).click();
    await k.page.getByText('Your request is sent: the group decides whether to admit you.').waitFor();
    await k.page.getByText("waiting for the group's decision").waitFor();
    await screenshot(k.page, 'knock-phone');
    await expectAccessibleView(k.page);

    // The members see the request with the decision the service proposed for it, and decide.
    await a.page.getByRole('link', { name: 'Members' }).click();
    const request = a.page.getByRole('list', { name: 'Requests to join' }).getByRole('listitem');
    await request.getByText('I keep bees two streets away').waitFor();
    await request.getByText('Admission: open').waitFor({ timeout: 30_000 });
    const decision = a.page.getByRole('article', { name: `Admit ${kay.userId}` });
    await expect(decision.textContent()).resolves.toMatch(/Proposed by/);
    await screenshot(a.page, 'admission-request-desktop');
    await expectAccessibleView(a.page);
    await decision.getByRole('button', { name: 'Approve' }).click();
    await a.page
      .getByRole('region', { name: 'Members' })
      .locator('li', { hasText: kay.userId })
      .getByText('invited')
      .waitFor({ timeout: 30_000 });

    // Kay is invited, joins, and counts: her proposal is one of the group's decisions.
    await joinThroughInvitation(k.page, 'Rucher partagé');
    await proposeThroughForm(k.page, 'Harvest together in June');
    await a.page.getByRole('link', { name: 'Decisions' }).click();
    await a.page.getByRole('heading', { level: 3, name: 'Harvest together in June' }).waitFor();
    await a.context.close();
    await k.context.close();
  });
});
