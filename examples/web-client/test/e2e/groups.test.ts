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
} from '../browser/person';

describe('groups', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('creates a group with an end-to-end encrypted chat and exchanges a message in it', async () => {
    const alice = await newPerson('alice');
    const { context, page } = await openPage(browser);
    await logIn(page, alice);
    await createGroupThroughForm(page, 'Jardin partagé', { topic: 'A shared garden in the neighbourhood' });
    await page.getByText('end-to-end encrypted').waitFor();
    await page.getByRole('textbox', { name: 'Message' }).fill('Bonjour le jardin !');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('list', { name: 'Messages' }).getByText('Bonjour le jardin !').waitFor();
    await screenshot(page, 'group-chat-desktop');

    await page.getByRole('link', { name: 'Groups', exact: true }).click();
    const link = page.getByRole('link', { name: /Jardin partagé/ });
    await link.waitFor();
    await expect(link.textContent()).resolves.toMatch(/1 member/);
    await context.close();
  });

  it('invites a second person, who joins the group and reads the encrypted chat', async () => {
    const alice = await newPerson('alice');
    const bob = await newPerson('bob');
    const a = await openPage(browser);
    await logIn(a.page, alice);
    await createGroupThroughForm(a.page, 'Atelier vélo');
    await admitThroughForm(a.page, bob);

    const b = await openPage(browser, PHONE);
    await logIn(b.page, bob);
    await joinThroughInvitation(b.page, 'Atelier vélo');
    await b.page.getByText('end-to-end encrypted').waitFor();

    // Alice writes once Bob is in the room, so the room key is shared with Bob's device.
    await a.page.getByRole('link', { name: 'Chat' }).click();
    await a.page.getByRole('textbox', { name: 'Message' }).fill('Welcome, Bob');
    await a.page.getByRole('button', { name: 'Send' }).click();
    await b.page.getByRole('list', { name: 'Messages' }).getByText('Welcome, Bob').waitFor();
    await screenshot(b.page, 'group-chat-phone');
    await expectAccessibleView(b.page);
    await a.context.close();
    await b.context.close();
  });
});
