/**
 * A member's browser opens a decisions room from the group service's checkpoint (the service is
 * the group's authority and posts one every few log entries in the tests) and checks it against
 * the whole history. When the authority lies in a checkpoint — here the test speaks raw
 * client-server HTTP as the service's account, turning an adopted decision into a rejected one —
 * the browser ends on the outcome the history gives and lists a `checkpoint-mismatch`.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, screenshot } from '../browser/chromium';
import {
  admitThroughForm,
  createGroupThroughForm,
  joinThroughInvitation,
  logIn,
  newPerson,
  proposeThroughForm,
} from '../browser/person';
import { RawClient } from '../browser/raw-client';

const RESULT_TIMEOUT = 45_000;
const CHECKPOINT = 'org.imago.checkpoint';

describe('checkpoints in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens from the authority’s checkpoint and reports a lying one, ending on the history’s outcome', async () => {
    const service = process.env.IMAGO_SERVICE_USER_ID as string;
    const password = process.env.IMAGO_SERVICE_PASSWORD as string;
    const alice = await newPerson('alice');
    const bob = await newPerson('bob');
    const a = await openPage(browser);
    await logIn(a.page, alice);
    await createGroupThroughForm(a.page, 'Mémoire collective', {
      method: 'Plurality (one choice)',
      minutes: 0.2,
      service,
    });
    await admitThroughForm(a.page, bob);
    const b = await openPage(browser);
    await logIn(b.page, bob);
    await joinThroughInvitation(b.page, 'Mémoire collective');

    await proposeThroughForm(a.page, 'Plant a hedge');
    const ballot = a.page.getByRole('form', { name: 'Ballot: Plant a hedge' });
    await ballot.getByRole('radio', { name: 'yes' }).check();
    await ballot.getByRole('button', { name: 'Vote' }).click();
    const result = a.page.getByRole('region', { name: 'Result of Plant a hedge' });
    await result.waitFor({ timeout: RESULT_TIMEOUT });
    await expect(result.textContent()).resolves.toMatch(/Adopted/);

    // The service's account, as its holder could: the checkpoint it posted, turned into a lie.
    const base = process.env.IMAGO_HOMESERVER_URL as string;
    const holder = await RawClient.logInAs(base, service, password);
    const token = holder.token;
    const state = (roomId: string, type: string, key = '') => holder.stateContent(roomId, type, key);
    // The group's decisions room, as its pin names it.
    let room = '';
    for (const id of (await holder.ok<{ joined_rooms: string[] }>('GET', '/joined_rooms')).joined_rooms ??
      []) {
      if ((await state(id, 'org.imago.group')).name === 'Mémoire collective')
        room = (await state(id, 'org.imago.authority')).decisions as string;
    }
    // A checkpoint of the service's in which Plant a hedge is adopted. (Counting "adopted" in the
    // bytes is not enough: Bob's admission alone writes it twice, its status and its outcome's, and a
    // lie made from that older checkpoint is replaced by the one the service posts right after
    // Plant a hedge closes, before Bob reads it.) The service posts one every 5 entries of the
    // decisions log; the entries that bring it about must schedule nothing (a proposal would: its
    // close and outcome, and with them a newer, honest checkpoint over the lie). So the service's
    // account, the authority, ticks, one tick at a time, until such a checkpoint is there: after it
    // come at most the tick in flight, the outcome notice and the lie, fewer than the 5 that make another.
    let honest: Record<string, unknown> = {};
    let bytes = '';
    const hedgeAdopted = () => {
      if (!bytes) return false;
      const snapshot = JSON.parse(bytes) as {
        state: { decisions: { $pmap: [string, { title?: string; status?: string }][] } };
      };
      return snapshot.state.decisions.$pmap.some(
        ([, decision]) => decision.title === 'Plant a hedge' && decision.status === 'adopted',
      );
    };
    for (let i = 0; i < 600 && !hedgeAdopted(); i++) {
      honest = await state(room, CHECKPOINT, service);
      if (typeof honest.url === 'string') {
        const [server, media] = honest.url.slice('mxc://'.length).split('/');
        const download = `${base}/_matrix/client/v1/media/download/${server}/${media}`;
        const body = new Uint8Array(
          await (await fetch(download, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer(),
        );
        // The service uploads its snapshot gzip-compressed (`encoding: 'gzip'`).
        bytes = new TextDecoder().decode(honest.encoding === 'gzip' ? gunzipSync(body) : body);
      }
      if (!hedgeAdopted() && i % 10 === 0) await holder.sendOk(room, 'org.imago.governance.tick', {});
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(hedgeAdopted()).toBe(true);
    const lie = new TextEncoder().encode(bytes.replaceAll('"status":"adopted"', '"status":"rejected"'));
    const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', lie))]
      .map((x) => x.toString(16).padStart(2, '0'))
      .join('');
    const compressed = gzipSync(lie);
    const upload = await fetch(`${base}/_matrix/media/v3/upload?filename=c.json.gz`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/gzip' },
      body: compressed,
    });
    const url = ((await upload.json()) as { content_uri: string }).content_uri;
    const put = await holder.ok(
      'PUT',
      `/rooms/${encodeURIComponent(room)}/state/${CHECKPOINT}/${encodeURIComponent(service)}`,
      {
        ...honest,
        sha256: digest,
        url,
        size: lie.length,
        encoding: 'gzip',
        encodedSize: compressed.length,
      },
    );
    expect(typeof put.event_id).toBe('string');

    // Bob opens the group afresh: the lie is checked against the history and reported.
    await b.page.reload();
    await b.page.getByRole('heading', { level: 1, name: 'Mémoire collective' }).waitFor();
    await b.page.getByRole('link', { name: 'Decisions' }).click();
    const seen = b.page.getByRole('region', { name: 'Result of Plant a hedge' });
    await seen.waitFor({ timeout: RESULT_TIMEOUT });
    const audit = b.page.getByText(/events? without effect \(audit\)/);
    await audit.waitFor({ timeout: RESULT_TIMEOUT });
    await audit.click();
    await b.page.getByText(/^checkpoint-mismatch:/).waitFor({ timeout: RESULT_TIMEOUT });
    await expect(seen.textContent()).resolves.toMatch(/Adopted/);
    // The lie was still the service's latest checkpoint: the one Bob's browser opened from.
    expect((await state(room, CHECKPOINT, service)).url).toBe(url);
    await screenshot(b.page, 'checkpoint-mismatch-desktop');
    await a.context.close();
    await b.context.close();
  });
});
