/**
 * A general assembly end to end: its own Synapse (advertising the RTC transport), LiveKit and
 * example server (the RTC authorisation service), three Chromium pages with fake media devices —
 * the chair, a speaker, a listener — and a fourth member on raw Matrix HTTP who does not run Imago.
 */
import { copyFileSync } from 'node:fs';
import type { TestHomeserver } from '@imago/matrix-binding/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessibleView } from '../browser/accessibility';
import { artifacts, bytesFrom, cache, freePort, heard, openAssembly, run } from '../browser/assembly-media';
import { launchChromium, openPage, screenshot } from '../browser/chromium';
import {
  admitThroughForm,
  createGroupThroughForm,
  joinThroughInvitation,
  logIn,
  newPerson,
  type Person,
} from '../browser/person';
import { RawClient } from '../browser/raw-client';
import { type RunningService, startService } from '../browser/service';

const SYNAPSE = 'vitest-assembly';
const LIVEKIT = 'vitest-assembly';
const GROUP = 'Assemblée générale';

describe('a general assembly with speaking turns enforced by the media server', () => {
  let browser: Browser;
  let service: RunningService;
  let homeserver: TestHomeserver;

  beforeAll(async () => {
    const rtcPort = await freePort();
    run('livekit.sh', ['reset', LIVEKIT]);
    const livekit = run('livekit.sh', ['start', LIVEKIT], { LIVEKIT_LOG_LEVEL: 'info' });
    run('synapse.sh', ['reset', SYNAPSE]);
    const synapse = run('synapse.sh', ['start', SYNAPSE], {
      SYNAPSE_RTC_TRANSPORTS: JSON.stringify([
        { type: 'livekit', livekit_service_url: `http://127.0.0.1:${rtcPort}` },
      ]),
    });
    homeserver = {
      baseUrl: synapse.IMAGO_HOMESERVER_URL as string,
      sharedSecret: synapse.IMAGO_SYNAPSE_SHARED_SECRET as string,
    };
    service = await startService(
      homeserver,
      { ...livekit, IMAGO_RTC_PORT: String(rtcPort) },
      'assembly-service.log',
    );
    browser = await launchChromium([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      '--autoplay-policy=no-user-gesture-required',
      // Media stays on 127.0.0.1: the SFU offers only loopback candidates.
      '--allow-loopback-in-peer-connection',
      '--disable-features=WebRtcHideLocalIpsWithMdns',
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    run('synapse.sh', ['reset', SYNAPSE]);
    // The SFU's log is kept with the screenshots.
    copyFileSync(`${cache}livekit/${LIVEKIT}/stdout.log`, `${artifacts}livekit.log`);
    run('livekit.sh', ['reset', LIVEKIT]);
  });

  it('hears the floor holder only, moves the floor, queues a raw raise-hand, votes and posts the minutes', async () => {
    const [chair, speaker, listener, outsider] = (await Promise.all(
      ['chair', 'speaker', 'listener', 'dave'].map((name) => newPerson(name, homeserver)),
    )) as [Person, Person, Person, Person];
    const a = await openPage(browser);
    await logIn(a.page, chair);
    // The service acts for the group beside its creator: it closes the votes and runs the SFU's side.
    await createGroupThroughForm(a.page, GROUP, {
      method: 'Plurality (one choice)',
      minutes: 0.3,
      service: service.userId,
    });
    for (const person of [speaker, listener, outsider]) await admitThroughForm(a.page, person);
    const spaceId = decodeURIComponent(/#\/groups\/([^/]+)/.exec(a.page.url())?.[1] ?? '');

    const b = await openPage(browser);
    const c = await openPage(browser);
    await Promise.all([
      logIn(b.page, speaker).then(() => joinThroughInvitation(b.page, GROUP)),
      logIn(c.page, listener).then(() => joinThroughInvitation(c.page, GROUP)),
    ]);
    await openAssembly(a.page);
    await a.page.getByText(`Chaired by ${chair.localpart.split('-')[0]}`).waitFor();
    await openAssembly(b.page);
    await openAssembly(c.page);

    // The speaker asks for the floor; the chair gives it; the listener hears the speaker.
    await b.page.getByRole('button', { name: 'Ask to speak' }).click();
    await a.page.getByRole('list', { name: 'Speaking queue' }).getByText('speaker').waitFor();
    await a.page.getByRole('button', { name: /^Give the floor to speaker/ }).click();
    await c.page.getByRole('status').filter({ hasText: 'speaker has the floor' }).waitFor();
    // The timer ticks outside the live region, so screen readers are not told every second.
    await c.page
      .getByRole('timer', { name: 'Time left to speak' })
      .getByText(/^\d:\d\d left$/)
      .waitFor();
    await heard(c.page, speaker.userId);
    await screenshot(a.page, 'assembly-chair-desktop');
    await expectAccessibleView(a.page);

    // The listener tries to speak: the media server refuses, and nobody hears them.
    await c.page.getByRole('button', { name: 'Unmute my microphone' }).click();
    await c.page
      .getByText('The media server refused: you do not have the floor.')
      .waitFor({ timeout: 15_000 });
    await b.page.waitForTimeout(2_000);
    expect(await bytesFrom(b.page, listener.userId)).toBe(0);
    expect(await bytesFrom(a.page, listener.userId)).toBe(0);

    // The chair gives the floor to the listener (who asked to be heard): she is heard, the
    // former speaker no longer is (the SFU removed his track).
    await a.page.getByLabel('Give the floor to').selectOption({ value: listener.userId });
    await a.page.getByRole('button', { name: 'Give the floor', exact: true }).click();
    await heard(b.page, listener.userId);
    await a.page.getByRole('listitem', { name: /^speaker: microphone off/ }).waitFor({ timeout: 15_000 });
    const before = await bytesFrom(a.page, speaker.userId);
    await a.page.waitForTimeout(2_000);
    expect(await bytesFrom(a.page, speaker.userId)).toBeLessThanOrEqual(before);
    // The former speaker tries again: the media server refuses him too (tokens never carry the
    // right to publish; the service took it back on the SFU when the floor moved).
    await b.page.getByRole('button', { name: 'Unmute my microphone' }).click();
    await b.page
      .getByText('The media server refused: you do not have the floor.')
      .waitFor({ timeout: 15_000 });

    // A member on a client that does not run Imago raises a hand the Element Call way.
    const dave = await RawClient.logIn(outsider);
    await dave.ok('POST', `/join/${encodeURIComponent(spaceId)}`, {});
    const spaceState = (await dave.ok('GET', `/rooms/${encodeURIComponent(spaceId)}/state`)) as unknown as {
      type: string;
      state_key: string;
      content: Record<string, unknown>;
    }[];
    const debateRoomId = spaceState.find(
      (e) => e.type === 'm.space.child' && e.content['org.imago.room'] === 'debate',
    )?.state_key as string;
    await dave.ok('POST', `/join/${encodeURIComponent(debateRoomId)}`, {});
    const stateKey = `_${outsider.userId}_${dave.deviceId}_m.call`;
    const membership = (await dave.ok(
      'PUT',
      `/rooms/${encodeURIComponent(debateRoomId)}/state/org.matrix.msc3401.call.member/${encodeURIComponent(stateKey)}`,
      {
        application: 'm.call',
        call_id: '',
        scope: 'm.room',
        device_id: dave.deviceId,
        expires: 3_600_000,
        focus_active: { type: 'livekit', focus_selection: 'oldest_membership' },
        foci_preferred: [],
      },
    )) as { event_id: string };
    await dave.ok('PUT', `/rooms/${encodeURIComponent(debateRoomId)}/send/m.reaction/hand${Date.now()}`, {
      'm.relates_to': { rel_type: 'm.annotation', event_id: membership.event_id, key: '🖐️' },
    });
    await a.page.getByRole('list', { name: 'Speaking queue' }).getByText('dave').waitFor();
    // Dave, who chairs nothing, tries to give himself the floor: no member's replay moves it.
    await dave.ok(
      'PUT',
      `/rooms/${encodeURIComponent(debateRoomId)}/send/org.imago.debate.floor/f${Date.now()}`,
      {
        speaker: outsider.userId,
      },
    );
    // Nor do his motion and minutes: only a chair's count. His motion names a real decision of
    // the group, which he proposed himself, so that only the chair check can refuse it.
    const decisionsRoomId = spaceState.find((e) => e.type === 'org.imago.authority' && e.state_key === '')
      ?.content.decisions as string;
    await dave.ok('POST', `/join/${encodeURIComponent(decisionsRoomId)}`, {});
    const daveDecision = (await dave.ok(
      'PUT',
      `/rooms/${encodeURIComponent(decisionsRoomId)}/send/org.imago.governance.propose/p${Date.now()}`,
      { kind: 'publish-text', title: 'Forged motion', action: { text: 'Dave speaks for the group' } },
    )) as { event_id: string };
    await dave.ok(
      'PUT',
      `/rooms/${encodeURIComponent(debateRoomId)}/send/org.imago.debate.motion/m${Date.now()}`,
      {
        decision: daveDecision.event_id,
        title: 'Forged motion',
      },
    );
    await dave.ok(
      'PUT',
      `/rooms/${encodeURIComponent(debateRoomId)}/send/org.imago.debate.minutes/n${Date.now()}`,
      {
        turns: [{ speaker: outsider.userId, since: 0, duration: 1 }],
        motions: [],
      },
    );
    // Then he lowers his hand the Element Call way (redacting his reaction): once the page shows
    // his hand down, it has read everything he sent before.
    const reactions = (await dave.ok(
      'GET',
      `/rooms/${encodeURIComponent(debateRoomId)}/messages?dir=b&limit=50`,
    )) as unknown as { chunk: { type: string; event_id: string; sender: string }[] };
    const ownReaction = reactions.chunk.find((e) => e.type === 'm.reaction' && e.sender === outsider.userId);
    await dave.ok(
      'PUT',
      `/rooms/${encodeURIComponent(debateRoomId)}/redact/${encodeURIComponent(ownReaction?.event_id as string)}/r${Date.now()}`,
      {},
    );
    await c.page
      .getByRole('list', { name: 'Speaking queue' })
      .getByText('dave')
      .waitFor({ state: 'detached' });
    await c.page.getByText(/listener has the floor/).waitFor();
    await c.page.getByText('No motion put to the vote yet.').waitFor();
    await c.page.getByText('The chair posts the minutes when the meeting closes.').waitFor();

    // A vote during the meeting: the chair opens it, two members vote from the meeting view.
    await a.page.getByLabel('Motion', { exact: true }).fill('Adopt the budget');
    await a.page.getByRole('button', { name: 'Open the vote' }).click();
    for (const page of [a.page, b.page]) {
      const ballot = page.getByRole('form', { name: 'Ballot: Adopt the budget' });
      await ballot.getByRole('radio', { name: 'yes' }).check();
      await ballot.getByRole('button', { name: 'Vote' }).click();
      await page.getByText('Your vote is recorded').waitFor();
    }
    await c.page
      .getByRole('status', { name: 'Votes so far on Adopt the budget' })
      .getByText(/yes: 2, no: 0/)
      .waitFor();
    const result = c.page.getByRole('region', { name: 'Result of Adopt the budget' });
    await result.waitFor({ timeout: 45_000 });
    await expect(result.textContent()).resolves.toMatch(/Adopted/);

    // The chair closes the meeting: the minutes list the turns and the vote, and match the room.
    await a.page.getByRole('button', { name: 'Close the meeting and post the minutes' }).click();
    const minutes = c.page.getByRole('region', { name: 'Posted minutes' });
    await minutes.getByText('they match this room’s history').waitFor({ timeout: 20_000 });
    const turns = await minutes.getByRole('list', { name: 'Turns' }).getByRole('listitem').allTextContents();
    expect(turns.map((t) => t.split(' — ')[0])).toEqual(['speaker', 'listener']);
    await expect(minutes.getByRole('list', { name: 'Motions' }).textContent()).resolves.toBe(
      'Adopt the budget: adopted (yes)',
    );
    await screenshot(c.page, 'assembly-minutes-desktop');

    // The minutes are an event any client reads.
    const messages = (await dave.ok(
      'GET',
      `/rooms/${encodeURIComponent(debateRoomId)}/messages?dir=b&limit=100`,
    )) as {
      chunk: {
        type: string;
        sender: string;
        content: { turns: { speaker: string }[]; motions: { title: string; outcome: string }[] };
      }[];
    };
    const posted = messages.chunk.find((e) => e.type === 'org.imago.debate.minutes');
    expect(posted?.sender).toBe(chair.userId);
    expect(posted?.content.turns.map((t) => t.speaker)).toEqual([speaker.userId, listener.userId]);
    expect(posted?.content.motions.map((m) => [m.title, m.outcome])).toEqual([
      ['Adopt the budget', 'adopted'],
    ]);
    for (const page of [a, b, c]) await page.context.close();
  });
});
