/**
 * The web client under attack. A member of the group, Mallory, speaks raw Matrix client-server
 * HTTP (no Imago code): she closes a decision early, settles periods with her own `tick`, tries to
 * take her vote back after the deadline, edits the adopted proposal, votes late, re-initialises the
 * control table and tries to pin another decisions room. The founder's browser, which follows the
 * room live and then replays it afresh after a reload, shows the legitimate outcome throughout.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage } from '../browser/chromium';
import { admitThroughForm, createGroupThroughForm, logIn, newPerson } from '../browser/person';
import { eventually, RawClient, type RawStateEvent } from '../browser/raw-client';

const PERIOD_MINUTES = 0.5;
const RESULT_TIMEOUT = 90_000;

async function tableCaption(page: Page): Promise<string> {
  const caption = page.getByRole('region', { name: 'Who decides what' }).locator('caption');
  await caption.waitFor();
  return (await caption.textContent()) ?? '';
}

describe('the web client under attack by a member on raw HTTP', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the legitimate outcome despite a forged close and tick, a late vote, an edit, a redaction, a new init and a second decisions room', async () => {
    const alice = await newPerson('alice');
    const mallory = await newPerson('mallory');
    const { context, page } = await openPage(browser);
    await logIn(page, alice);
    const name = 'Conseil de quartier';
    await createGroupThroughForm(page, name, { method: 'Plurality (one choice)', minutes: PERIOD_MINUTES });
    await admitThroughForm(page, mallory);

    // Mallory accepts the invitation and finds the group's pinned decisions room.
    const raw = await RawClient.logIn(mallory);
    const invited = await raw.joinInvitations();
    let spaceId = '';
    let pin: RawStateEvent | undefined;
    for (const room of invited) {
      pin = (await raw.state(room)).find((e) => e.type === 'org.imago.authority');
      if (pin) {
        spaceId = room;
        break;
      }
    }
    const decisions = pin?.content.decisions as string;
    expect(decisions).toMatch(/^!/);
    await eventually(async () => {
      const { status } = await raw.request('POST', `/join/${encodeURIComponent(decisions)}`, {});
      return status === 200 ? true : undefined;
    }, 'Mallory joining the decisions room');

    await page.getByRole('link', { name: 'Decisions' }).click();
    const versionBefore = await tableCaption(page);
    const title = 'Open on Sundays';
    await page.getByLabel('Title').fill(title);
    await page.getByRole('button', { name: 'Propose', exact: true }).click();
    const proposedAt = Date.now();
    await page.getByRole('heading', { level: 3, name: title }).waitFor();
    const ballot = page.getByRole('form', { name: `Ballot: ${title}` });
    await ballot.getByRole('radio', { name: 'yes' }).check();
    await ballot.getByRole('button', { name: 'Vote' }).click();
    await page.getByText('Your vote is recorded').waitFor();

    // Mallory votes yes in time (a legitimate vote), then closes the decision herself and ticks
    // the group's clock: only the group's authority (here Alice) ends periods.
    const proposal = await eventually(async () => {
      const page = await raw.ok<{ chunk: { type: string; event_id: string; content: { title?: string } }[] }>(
        'GET',
        `/rooms/${encodeURIComponent(decisions)}/messages?dir=b&limit=50`,
      );
      return page.chunk.find((e) => e.type === 'org.imago.governance.propose' && e.content.title === title)
        ?.event_id;
    }, 'the proposal');
    const malloryVote = await raw.sendOk(decisions, 'org.imago.governance.vote', {
      decision: proposal,
      ballot: [1, 0],
    });
    await raw.sendOk(decisions, 'org.imago.governance.close', { decision: proposal });
    await raw.sendOk(decisions, 'org.imago.governance.tick', {});

    // The result appears only once the period is over, by the authority's clock.
    const result = page.getByRole('region', { name: `Result of ${title}` });
    await result.waitFor({ timeout: RESULT_TIMEOUT });
    expect(Date.now() - proposedAt).toBeGreaterThanOrEqual(PERIOD_MINUTES * 60_000 - 2_000);
    const settled = (await result.textContent()) ?? '';
    expect(settled).toMatch(/Adopted/);
    expect(settled).toMatch(/yes: 2/);

    // After the deadline: Mallory cannot take her vote back (redactions are the authority's)…
    const redaction = await raw.request(
      'PUT',
      `/rooms/${encodeURIComponent(decisions)}/redact/${encodeURIComponent(malloryVote)}/r${Date.now()}`,
      {},
    );
    expect(redaction.status).toBe(403);
    // …her edit of the adopted proposal, her late vote and her own control table change nothing…
    await raw.sendOk(decisions, 'org.imago.governance.propose', {
      kind: 'publish-text',
      title,
      action: { text: title },
      'm.new_content': {
        kind: 'publish-text',
        title: 'Close on Sundays',
        action: { text: 'Close on Sundays' },
      },
      'm.relates_to': { rel_type: 'm.replace', event_id: proposal },
    });
    await raw.sendOk(decisions, 'org.imago.governance.vote', { decision: proposal, ballot: [0, 1] });
    await raw.sendOk(decisions, 'org.imago.governance.init', {
      table: { rules: { 'change-control-table': { protocol: 'do-ocracy', window: 1 } } },
      authority: [mallory.userId],
    });
    // …and the homeserver refuses her attempt to pin or add another decisions room.
    const own = await raw.ok<{ room_id: string }>('POST', '/createRoom', { preset: 'private_chat' });
    const child = await raw.request(
      'PUT',
      `/rooms/${encodeURIComponent(spaceId)}/state/m.space.child/${encodeURIComponent(own.room_id)}`,
      { via: [mallory.userId.split(':').slice(1).join(':')], 'org.imago.room': 'decisions' },
    );
    expect(child.status).toBe(403);
    const repin = await raw.request(
      'PUT',
      `/rooms/${encodeURIComponent(spaceId)}/state/org.imago.authority/`,
      {
        decisions: own.room_id,
        authority: [mallory.userId],
      },
    );
    expect(repin.status).toBe(403);
    // Her last event, sent after all the others: once the browser shows it, it has read them.
    const marker = 'Mallory was here';
    await raw.sendOk(decisions, 'org.imago.governance.propose', {
      kind: 'publish-text',
      title: marker,
      action: { text: marker },
    });

    // Live, then after a reload (a fresh replay of the whole history), the same legitimate state.
    for (const when of ['live', 'after a reload']) {
      if (when === 'after a reload') {
        await page.reload();
        await page.getByRole('link', { name: 'Decisions' }).click();
      }
      await page.getByRole('heading', { level: 3, name: marker }).waitFor({ timeout: 30_000 });
      const text = (await result.textContent()) ?? '';
      expect(text, when).toMatch(/Adopted/);
      expect(text, when).toMatch(/yes: 2/);
      expect(await page.getByRole('heading', { level: 3, name: 'Close on Sundays' }).count(), when).toBe(0);
      expect(await tableCaption(page), when).toBe(versionBefore);
    }
    await context.close();
  });
});
