/**
 * The web client under attack on the ledger and the announcements. Mallory, admitted to a group,
 * speaks raw Matrix client-server HTTP (no Imago code): in the group's ledger (its decisions room)
 * she publishes an offer in the group's name and records a transfer from the founder to herself;
 * in the group's announcements room she posts an announcement claiming a partner group's origin,
 * once copying the provenance of a genuine delivery and once naming the partner's group with the
 * group's own room. The founder's browser, live and then after a reload (a fresh replay), never
 * shows them as the group's or the partner's: they are absent from the lists and listed for audit
 * with their codes, beside the genuine offer and the genuine announcement.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, screenshot } from '../browser/chromium';
import { admitThroughForm, createGroupThroughForm, logIn, newPerson } from '../browser/person';
import { eventually, RawClient } from '../browser/raw-client';

const TIMEOUT = 45_000;

/** The id of the group whose page is open (`#/groups/<id>/<tab>`). */
function openGroupId(page: Page): string {
  return decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
}

async function openGroup(page: Page, name: string, tab: string): Promise<void> {
  await page.getByRole('link', { name: 'Groups', exact: true }).click();
  await page.getByRole('link', { name }).first().click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByRole('link', { name: tab }).click();
}

/** The text of a list, once it holds every one of `needles`. */
async function listHolding(page: Page, name: string, needles: readonly string[]): Promise<string> {
  const list = page.getByRole('list', { name, includeHidden: true });
  const until = Date.now() + TIMEOUT;
  for (;;) {
    const text = (await list.count()) > 0 ? ((await list.textContent()) ?? '') : '';
    if (needles.every((needle) => text.includes(needle))) return text;
    if (Date.now() > until) throw new Error(`${name} never held ${needles.join(', ')}: ${text}`);
    await page.waitForTimeout(250);
  }
}

/** The audit line about one event. */
async function entry(page: Page, list: string, eventId: string): Promise<string> {
  const item = page
    .getByRole('list', { name: list, includeHidden: true })
    .locator('li', { hasText: eventId });
  return ((await item.textContent()) ?? '').trim();
}

describe('the web client under attack on the ledger and the announcements (raw HTTP)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows neither a ledger entry in another’s name nor an announcement of another group’s, live and after a reload', async () => {
    const alice = await newPerson('alice');
    const mallory = await newPerson('mallory');
    const { context, page } = await openPage(browser);
    await logIn(page, alice);
    await createGroupThroughForm(page, 'Jardin des Lilas');
    const garden = openGroupId(page);
    await createGroupThroughForm(page, 'Cantine solidaire');
    const kitchen = openGroupId(page);
    expect([garden, kitchen].every((id) => id.startsWith('!'))).toBe(true);
    await admitThroughForm(page, mallory);

    // The canteen proposes a partnership, the garden accepts it: the garden's offers reach the canteen.
    await page.getByRole('link', { name: 'Relations' }).click();
    await page.getByLabel('With').selectOption({ label: 'Jardin des Lilas' });
    await page.getByLabel('Type').fill('partner');
    await page.getByRole('button', { name: 'Propose the relation' }).click();
    await page.getByText('waiting for them').waitFor();
    await openGroup(page, 'Jardin des Lilas', 'Relations');
    await page.getByRole('button', { name: 'Accept partner with Cantine solidaire' }).click();
    await page.getByText('accepted', { exact: true }).waitFor();

    // Mallory accepts her invitations and finds the canteen's ledger and announcements rooms.
    const raw = await RawClient.logIn(mallory);
    await raw.joinInvitations();
    const spaceState = await raw.state(kitchen);
    const ledger = spaceState.find((e) => e.type === 'org.imago.authority')?.content.decisions as string;
    const inbox = spaceState.find(
      (e) => e.type === 'm.space.child' && e.content['org.imago.room'] === 'announcements',
    )?.state_key as string;
    expect(ledger).toMatch(/^!/);
    expect(inbox).toMatch(/^!/);
    for (const room of [ledger, inbox])
      await eventually(async () => {
        const { status } = await raw.request('POST', `/join/${encodeURIComponent(room)}`, {});
        return status === 200 ? true : undefined;
      }, `Mallory joining ${room}`);

    // In the ledger: an offer in the canteen's name, and a transfer from Alice to herself.
    const forgedOffer = await raw.sendOk(ledger, 'org.imago.vf.proposal', {
      purpose: 'offer',
      name: 'Free flour',
      proposer: kitchen,
      unitBased: false,
      publishes: [{ action: 'transfer', provider: kitchen, resourceConformsTo: 'flour' }],
      reciprocal: [],
    });
    const forgedTransfer = await raw.sendOk(ledger, 'org.imago.vf.economic_event', {
      action: 'transfer',
      provider: alice.userId,
      receiver: mallory.userId,
      resourceInventoriedAs: 'tools',
      resourceQuantity: { hasNumericalValue: 3, hasUnit: 'one' },
    });

    // The garden's genuine offer, announced to its partner.
    await openGroup(page, 'Jardin des Lilas', 'Offers & needs');
    await page.getByLabel('Title').fill('Tomatoes');
    await page.getByLabel('What (resource)').fill('tomatoes');
    await page.getByLabel('Quantity').fill('5');
    await page.getByLabel('Unit').selectOption({ label: 'kg' });
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published, and announced to 1 related group.').waitFor();

    // In the canteen's announcements room: the genuine delivery's provenance, copied under another
    // title; and the garden named as origin of an "original" in the canteen's own room.
    const delivery = await eventually(async () => {
      const page = await raw.ok<{ chunk: { type: string; content: Record<string, unknown> }[] }>(
        'GET',
        `/rooms/${encodeURIComponent(inbox)}/messages?dir=b&limit=50`,
      );
      return page.chunk.find((e) => e.type === 'org.imago.announcement' && e.content.title === 'Tomatoes')
        ?.content;
    }, 'the garden’s delivery');
    const copied = await raw.sendOk(inbox, 'org.imago.announcement', {
      ...delivery,
      title: 'Free bread',
    });
    const named = await raw.sendOk(inbox, 'org.imago.announcement', {
      kind: 'offer',
      title: 'Free soup',
      origin: { group: garden, room: inbox },
    });

    // Alice's view of the canteen, live, then after a reload (a fresh replay of both rooms).
    for (const when of ['live', 'after a reload']) {
      if (when === 'after a reload') await page.reload();
      await openGroup(page, 'Cantine solidaire', 'Offers & needs');
      await listHolding(page, 'Ledger entries without effect', [forgedOffer, forgedTransfer]);
      expect(await entry(page, 'Ledger entries without effect', forgedOffer), when).toMatch(
        /^unauthorised \(not-proposer\)/,
      );
      expect(await entry(page, 'Ledger entries without effect', forgedTransfer), when).toMatch(
        /^unauthorised \(VF_UNAUTHORISED_RECORDER\)/,
      );
      const offers = page.getByRole('list', { name: 'Offers and needs of the group' });
      expect(await offers.textContent(), when).not.toMatch(/Free flour/);

      await page.getByRole('link', { name: 'Announcements' }).click();
      await listHolding(page, 'Announcements received', ['Tomatoes']);
      await listHolding(page, 'Announcements without effect', [copied, named]);
      expect(await entry(page, 'Announcements without effect', copied), when).toMatch(
        /^unauthorised \(not-origin-authority\)/,
      );
      expect(await entry(page, 'Announcements without effect', named), when).toMatch(
        /^unauthorised \(origin-room\)/,
      );
      const received = (await page.getByRole('list', { name: 'Announcements received' }).textContent()) ?? '';
      expect(received, when).toMatch(/Tomatoes.*from Jardin des Lilas/s);
      expect(received, when).not.toMatch(/Free bread|Free soup/);
    }
    await page.getByText(/announcements? without effect \(audit\)/).click();
    await screenshot(page, 'forged-announcements-desktop');
    await context.close();
  });
});
