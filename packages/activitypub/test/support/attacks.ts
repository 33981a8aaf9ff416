// Attacks on the bridge, in raw HTTP: on its inbox (unsigned, forged, stale, unknown key, oversize,
// malformed, replayed, flooding) and on Matrix (a member who is not a moderator publishes an offer
// or a publication decision). Each must be refused and change nothing.
import { registerUser, type TestHomeserver } from '@imago/matrix-binding/testing';
import { expect } from 'vitest';
import type { RunningBridge } from '../../src/node/index';
import { rawHistory, run } from './bridge-harness';
import { attackerKey, type Json, type Peer, post, postFrom, signedRequest } from './peer';
import type { PlayedScenario } from './scenario';
import { eventually } from './services';

const AS = 'https://www.w3.org/ns/activitystreams';

export async function playAttacks(options: {
  groupServer: TestHomeserver;
  bridge: RunningBridge;
  peer: Peer;
  played: PlayedScenario;
}): Promise<void> {
  const { bridge, peer, played, groupServer } = options;
  const { inbox, groupIri, handle } = played;
  const key = await peer.privateKey();
  const keyId = `${peer.actor}#main`;
  const followers = await bridge.bridge.store.followers(handle);
  const chatBefore = (await rawHistory(groupServer, played.ana.accessToken, played.chat)).length;
  const decisionsBefore = (await rawHistory(groupServer, played.ana.accessToken, played.decisions)).length;
  const follow = (name: string, actor = peer.actor) =>
    JSON.stringify({
      '@context': AS,
      id: `${peer.url}/objects/${name}-${run}`,
      type: 'Follow',
      actor,
      object: groupIri,
    });

  // Unsigned, signed with the attacker's key under the peer's key id, signed by a key nobody serves.
  expect(await post(inbox, follow('unsigned'), { 'content-type': 'application/activity+json' })).toBe(401);
  const forged = signedRequest(inbox, follow('forged'), keyId, attackerKey());
  expect(await post(inbox, forged.body, forged.headers)).toBe(401);
  const unknown = signedRequest(
    inbox,
    follow('unknown', 'http://127.0.0.1:9/nobody'),
    'http://127.0.0.1:9/nobody#key',
    attackerKey(),
  );
  expect(await post(inbox, unknown.body, unknown.headers)).toBe(401);
  // The peer's real key, but for another actor, or two hours old.
  const other = signedRequest(inbox, follow('other', `${peer.url}/someone-else`), keyId, key);
  expect(await post(inbox, other.body, other.headers)).toBe(401);
  const stale = signedRequest(inbox, follow('stale'), keyId, key, new Date(Date.now() - 2 * 3_600_000));
  expect(await post(inbox, stale.body, stale.headers)).toBe(401);

  // Oversize, malformed JSON, a JSON array, nesting beyond any activity.
  const big = JSON.stringify({ '@context': AS, type: 'Note', content: 'x'.repeat(300_000) });
  expect(await post(inbox, big, { 'content-type': 'application/activity+json' })).toBe(413);
  expect(await post(inbox, '{"type": "Follow", ', { 'content-type': 'application/activity+json' })).toBe(400);
  expect(await post(inbox, '[{"type": "Follow"}]', { 'content-type': 'application/activity+json' })).toBe(
    400,
  );
  let deep: Json = { type: 'Note' };
  for (let i = 0; i < 100; i++) deep = { type: 'Note', object: deep };
  expect(
    await post(inbox, JSON.stringify({ ...deep, type: 'Create' }), {
      'content-type': 'application/activity+json',
    }),
  ).toBe(400);
  // FEP-0837's examples write `satisfies` as a plain term: Fedify 2.3.6 cannot read that document.
  const literal = signedRequest(
    inbox,
    JSON.stringify({
      '@context': [
        AS,
        {
          vf: 'https://w3id.org/valueflows/ont/vf#',
          Agreement: 'vf:Agreement',
          Commitment: 'vf:Commitment',
          stipulates: 'vf:stipulates',
          satisfies: 'vf:satisfies',
        },
      ],
      id: `${peer.url}/objects/literal-${run}`,
      type: 'Offer',
      actor: peer.actor,
      object: {
        type: 'Agreement',
        stipulates: { type: 'Commitment', satisfies: `${played.proposalIri}#primary` },
      },
    }),
    keyId,
    key,
  );
  expect(await post(inbox, literal.body, literal.headers)).toBe(400);

  // A replay of a request the bridge accepted is refused, and the follow is not applied twice.
  const valid = signedRequest(inbox, follow('replayed'), keyId, key);
  expect(await post(inbox, valid.body, valid.headers)).toBe(202);
  expect(await post(inbox, valid.body, valid.headers)).toBe(401);
  await peer.waitFor(
    'Accept of the replayed follow',
    (a) => a.type === 'Accept' && JSON.stringify(a.object).includes(`replayed-${run}`),
  );
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const accepts = (await peer.inbox()).filter(
    (a) => a.type === 'Accept' && JSON.stringify(a.object).includes(`replayed-${run}`),
  );
  expect(accepts).toHaveLength(1);
  expect((await bridge.bridge.store.followers(handle)).map((f) => f.id)).toEqual(followers.map((f) => f.id));

  // A flood from another machine (127.0.0.2) that names the peer's key id, to spend the peer's
  // budget: it runs into the limit of its own address (40, then one a minute, here), and the peer,
  // connecting from its own address, is not affected.
  const floodKey = attackerKey();
  const flood = await Promise.all(
    Array.from({ length: 50 }, (_, i) => {
      const junk = signedRequest(inbox, follow(`flood-${i}`), keyId, floodKey);
      return postFrom('127.0.0.2', inbox, junk.body, junk.headers);
    }),
  );
  expect(flood.every((status) => status === 401 || status === 429)).toBe(true);
  expect(flood.filter((status) => status === 429).length).toBeGreaterThanOrEqual(9);
  const stillFine = signedRequest(inbox, follow('after-flood'), keyId, key);
  expect(await post(inbox, stillFine.body, stillFine.headers)).toBe(202);

  // Nothing of the above reached Matrix.
  expect((await rawHistory(groupServer, played.ana.accessToken, played.chat)).length).toBe(chatBefore);
  expect((await rawHistory(groupServer, played.ana.accessToken, played.decisions)).length).toBe(
    decisionsBefore,
  );

  // On Matrix: a member who is not a moderator posts an offer and a publication decision, in raw HTTP.
  const mallory = await registerUser(groupServer, `mallory-${run}-${handle.slice(2, 6)}`);
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${groupServer.baseUrl}/_matrix/client/v3${path}`, {
      ...init,
      headers: { authorization: `Bearer ${mallory.accessToken}`, 'content-type': 'application/json' },
    });
  for (const room of [played.spaceId, played.chat, played.decisions]) {
    expect((await api(`/join/${encodeURIComponent(room)}`, { method: 'POST', body: '{}' })).status).toBe(200);
  }
  const txn = () => `m${Date.now()}${Math.random()}`;
  const sent = await api(`/rooms/${encodeURIComponent(played.chat)}/send/org.imago.vf.proposal/${txn()}`, {
    method: 'PUT',
    body: JSON.stringify({
      purpose: 'offer',
      name: 'Free money (not the group’s)',
      unitBased: false,
      publishes: [
        { id: 'scam', action: 'transfer', resourceQuantity: { hasNumericalValue: 1000, hasUnit: 'one' } },
      ],
      reciprocal: [],
    }),
  });
  expect(sent.status).toBe(200);
  const relayed = await api(
    `/rooms/${encodeURIComponent(played.chat)}/send/org.imago.announcement/${txn()}`,
    {
      method: 'PUT',
      body: JSON.stringify({
        kind: 'offer',
        title: 'Free money, announced (not the group’s)',
        origin: { group: played.spaceId, room: played.chat },
      }),
    },
  );
  expect(relayed.status).toBe(200);
  const hijack = await api(
    `/rooms/${encodeURIComponent(played.decisions)}/send/org.imago.governance.propose/${txn()}`,
    {
      method: 'PUT',
      body: JSON.stringify({ kind: 'org.imago.activitypub.publish', action: { handle: 'mallory_group' } }),
    },
  );
  expect(hijack.status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  expect((await peer.inbox()).some((a) => JSON.stringify(a).includes('Free money'))).toBe(false);
  expect(
    (
      await fetch(`${bridge.origin}/actors/mallory_group`, {
        headers: { accept: 'application/activity+json' },
      })
    ).status,
  ).toBe(404);
  expect((await bridge.bridge.store.group(handle))?.spaceId).toBe(played.spaceId);

  // Mallory invites the bot into rooms of her own: a space that is no Imago group (entered, then
  // left), and a room that claims the group's space as its parent (never joined).
  const bot = bridge.bridge.botUserId;
  const createRoom = async (body: Json) => {
    const response = await api('/createRoom', { method: 'POST', body: JSON.stringify(body) });
    expect(response.status).toBe(200);
    return ((await response.json()) as { room_id: string }).room_id;
  };
  const fakeSpace = await createRoom({ creation_content: { type: 'm.space' }, invite: [bot] });
  const squatter = await createRoom({
    invite: [bot],
    initial_state: [
      { type: 'm.space.parent', state_key: played.spaceId, content: { via: ['localhost'], canonical: true } },
    ],
  });
  const membership = async (roomId: string) => {
    const response = await api(
      `/rooms/${encodeURIComponent(roomId)}/state/m.room.member/${encodeURIComponent(bot)}`,
    );
    return response.ok ? ((await response.json()) as { membership?: string }).membership : undefined;
  };
  await eventually(
    'the bot to leave the fake space',
    () => membership(fakeSpace),
    (m) => m === 'leave',
  );
  expect(await membership(squatter)).toBe('invite');
  expect(await bridge.bridge.store.spaceOfRoom(squatter)).toBeUndefined();

  // Mallory founds an Imago group of her own whose space lists the group's chat and decisions rooms
  // as its children and pins the group's decisions room as its own, and invites the bot. The rooms
  // name the group's space as their parent, not hers: they stay the group's (their events still
  // reach it), and her group takes nothing of it.
  const claimant = await createRoom({
    creation_content: { type: 'm.space' },
    invite: [bot],
    initial_state: [
      { type: 'org.imago.group', state_key: '', content: { name: 'Mallory’s claim' } },
      {
        type: 'org.imago.authority',
        state_key: '',
        content: { decisions: played.decisions, authority: [mallory.userId] },
      },
      ...[
        [played.chat, 'chat'],
        [played.decisions, 'decisions'],
      ].map(([roomId, role]) => ({
        type: 'm.space.child',
        state_key: roomId,
        content: { via: [groupServer.baseUrl.replace(/^https?:\/\//, '')], 'org.imago.room': role },
      })),
    ],
  });
  await eventually(
    'the bot to enter Mallory’s group',
    () => membership(claimant),
    (m) => m === 'join',
  );
  await new Promise((resolve) => setTimeout(resolve, 3000));
  expect(await bridge.bridge.store.spaceOfRoom(played.chat)).toBe(played.spaceId);
  expect(await bridge.bridge.store.spaceOfRoom(played.decisions)).toBe(played.spaceId);
  expect(await bridge.bridge.store.groupOfSpace(claimant)).toBeUndefined();
  expect((await bridge.bridge.store.group(handle))?.spaceId).toBe(played.spaceId);
}
