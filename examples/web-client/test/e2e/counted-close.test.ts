/**
 * What a member's browser makes of the authority's counted close. The group's authority (its
 * founder, Alice) and a member (Mallory) speak raw Matrix client-server HTTP; Bob follows the
 * decisions room in his browser. Alice closes a first decision naming, among what she counted,
 * a vote no homeserver will ever deliver: Bob's browser says it waits for that event and shows
 * no outcome. She closes a second one without naming Mallory's vote, sent before the close: the
 * browser lists it as `uncounted` and leaves it out of the tally. After a reload (a fresh replay
 * of the whole history), the same.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage } from '../browser/chromium';
import {
  admitThroughForm,
  createGroupThroughForm,
  joinThroughInvitation,
  logIn,
  newPerson,
  proposeThroughForm,
} from '../browser/person';
import { eventually, RawClient } from '../browser/raw-client';

const PERIOD_MINUTES = 0.3;
const RESULT_TIMEOUT = 60_000;
const VOTE = 'org.imago.governance.vote';

interface RawEvent {
  type: string;
  event_id: string;
  sender: string;
  content: { title?: string; decision?: string };
}

/** A well-formed event id (room version 10: `$` and 43 unpadded URL-safe base64 characters) of no event. */
function eventIdOfNothing(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const base64 = btoa(String.fromCharCode(...bytes));
  return `$${base64.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')}`;
}

/** The first event of the room's recent history that `match` picks. */
function findEvent(raw: RawClient, room: string, match: (e: RawEvent) => boolean, what: string) {
  return eventually(async () => {
    const page = await raw.ok<{ chunk: RawEvent[] }>(
      'GET',
      `/rooms/${encodeURIComponent(room)}/messages?dir=b&limit=100`,
    );
    return page.chunk.find(match)?.event_id;
  }, what);
}

/** Votes in the browser for the first option of the open decision titled `title`. */
async function voteYes(page: Page, title: string): Promise<void> {
  const ballot = page.getByRole('form', { name: `Ballot: ${title}` });
  await ballot.getByRole('radio', { name: 'yes' }).check();
  await ballot.getByRole('button', { name: 'Vote' }).click();
  await page
    .getByRole('article', { name: title })
    .getByText('Your vote is recorded')
    .waitFor({ timeout: RESULT_TIMEOUT });
}

/** The text of the audit entries of the decisions panel (opening the list). */
async function auditEntries(page: Page): Promise<string[]> {
  const summary = page.getByText(/events? without effect \(audit\)/);
  await summary.waitFor({ timeout: RESULT_TIMEOUT });
  const list = page.getByRole('list', { name: 'Events without effect' });
  if (!(await list.isVisible())) await summary.click();
  return list.getByRole('listitem').allTextContents();
}

describe('the authority’s counted close in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('waits for a counted vote never delivered, and leaves out a vote the close did not count, live and after a reload', async () => {
    const alice = await newPerson('alice');
    const bob = await newPerson('bob');
    const mallory = await newPerson('mallory');
    const name = 'Jardin partagé';
    const a = await openPage(browser);
    await logIn(a.page, alice);
    // No service: the founder alone is the group's authority.
    await createGroupThroughForm(a.page, name, { method: 'Plurality (one choice)', minutes: PERIOD_MINUTES });
    await admitThroughForm(a.page, bob);
    await admitThroughForm(a.page, mallory);
    // From here on the authority speaks raw HTTP only: her browser sends nothing more.
    await a.context.close();
    const authority = await RawClient.logIn(alice);
    const raw = await RawClient.logIn(mallory);
    let room = '';
    for (const id of await raw.joinInvitations()) {
      const pin = await raw.stateContent(id, 'org.imago.authority');
      if (typeof pin.decisions === 'string') room = pin.decisions;
    }
    expect(room).toMatch(/^!/);
    await eventually(async () => {
      const { status } = await raw.request('POST', `/join/${encodeURIComponent(room)}`, {});
      return status === 200 ? true : undefined;
    }, 'Mallory joining the decisions room');

    const b = await openPage(browser);
    await logIn(b.page, bob);
    await joinThroughInvitation(b.page, name);
    const page = b.page;
    const decisionId = (title: string) =>
      findEvent(
        authority,
        room,
        (e) => e.type === 'org.imago.governance.propose' && e.content.title === title,
        title,
      );
    const bobsVote = (decision: string) =>
      findEvent(
        authority,
        room,
        (e) => e.type === VOTE && e.sender === bob.userId && e.content.decision === decision,
        `Bob's vote on ${decision}`,
      );

    // 1. A decision is open; Bob votes. Once its period is over, his browser settles it at its
    // own clock; then the authority closes it naming Bob's vote and one that does not exist.
    const first = 'Buy a rain barrel';
    await proposeThroughForm(page, first);
    await voteYes(page, first);
    const firstId = await decisionId(first);
    const firstVote = await bobsVote(firstId);
    const firstResult = page.getByRole('region', { name: `Result of ${first}` });
    await firstResult.waitFor({ timeout: RESULT_TIMEOUT });
    const never = eventIdOfNothing();
    await authority.sendOk(room, 'org.imago.governance.close', {
      decision: firstId,
      counted: { [firstId]: [firstVote, never] },
    });

    // 2. A second decision: Bob votes yes in his browser, Mallory no, before the close; the
    // authority's close names Bob's vote only.
    const second = 'Water on Saturdays';
    await proposeThroughForm(page, second);
    await voteYes(page, second);
    const secondId = await decisionId(second);
    const malloryVote = await raw.sendOk(room, VOTE, { decision: secondId, ballot: [0, 1] });
    const secondResult = page.getByRole('region', { name: `Result of ${second}` });
    // At its own clock, before the close, the browser counts both votes.
    await secondResult.getByText('no: 1').waitFor({ timeout: RESULT_TIMEOUT });
    await expect(secondResult.textContent()).resolves.toMatch(/yes: 1/);
    const secondVote = await bobsVote(secondId);
    await authority.sendOk(room, 'org.imago.governance.close', {
      decision: secondId,
      counted: { [secondId]: [secondVote] },
    });

    for (const when of ['live', 'after a reload']) {
      if (when === 'after a reload') {
        await page.reload();
        await page.getByRole('heading', { level: 1, name }).waitFor();
        await page.getByRole('link', { name: 'Decisions' }).click();
      }
      // The second decision is settled on what the close named: Mallory's vote is out.
      await secondResult.getByText('no: 0').waitFor({ timeout: RESULT_TIMEOUT });
      const settled = (await secondResult.textContent()) ?? '';
      expect(settled, when).toMatch(/Adopted/);
      expect(settled, when).toMatch(/yes: 1/);
      // The first waits for the event the authority named and this server never delivered.
      const card = page.getByRole('article', { name: first });
      const notice = card.getByRole('status');
      await notice.waitFor({ timeout: RESULT_TIMEOUT });
      const waiting = (await notice.textContent()) ?? '';
      expect(waiting, when).toMatch(/^Closed by the group's authority, which counted 1 event your server/);
      expect(waiting, when).toContain(never);
      expect(waiting, when).not.toContain(firstVote);
      expect(await firstResult.count(), when).toBe(0);
      // The audit lists Mallory's vote as uncounted, and the counted event awaited.
      const entries = await auditEntries(page);
      const uncounted = entries.filter((entry) => entry.startsWith('uncounted'));
      expect(uncounted, when).toHaveLength(1);
      expect(uncounted[0], when).toContain(malloryVote);
      expect(uncounted[0], when).toContain(secondId);
      const awaiting = entries.filter((entry) => entry.startsWith('awaiting-evidence'));
      expect(awaiting.join('\n'), when).toContain(never);
    }
    await b.context.close();
  }, 300_000);
});
