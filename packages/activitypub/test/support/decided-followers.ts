/**
 * @module
 * The story of a group that decides its followers; a later group takes over its handle.
 */
import { createImagoClient, sendGovernanceEvent } from '@imago/matrix-binding';
import { registerUser, type TestHomeserver } from '@imago/matrix-binding/testing';
import { expect } from 'vitest';
import { ActivitypubActionKinds } from '../../src/index';
import type { RunningBridge } from '../../src/node/index';
import { roomEvents, run, silent } from './bridge-harness';
import { confirmByClose, groupWithBot, publishByDecision } from './bridged-group';
import type { Json, Peer } from './peer';
import { eventually } from './services';

/**
 * A group that decides its followers (`followers: 'decided'`): each Follow becomes a decision of
 * kind `org.imago.activitypub.follower`; a refusal is answered Reject, an approval Accept.
 */
export async function playDecidedFollowers(options: {
  groupServer: TestHomeserver;
  bridge: RunningBridge;
  peer: Peer;
}): Promise<void> {
  const { groupServer, bridge, peer } = options;
  const bot = bridge.bridge.botUserId;
  const handle = `decided_${run}`;
  const groupIri = `${bridge.origin}/actors/${handle}`;
  const inbox = `${groupIri}/inbox`;
  const beaSession = await registerUser(groupServer, `bea-${run}`);
  const bea = await createImagoClient({ ...beaSession, logger: silent as never });
  const creator = { client: bea, ...beaSession };
  const group = await groupWithBot(groupServer, creator, {
    profile: { name: 'Conseil de quartier' },
    bot,
    kinds: [ActivitypubActionKinds.publish, ActivitypubActionKinds.follower],
    // Bridged to the fediverse: a public group, whose chat the repliers' ghost users join.
    joinRule: 'public',
  });
  const decisions = group.rooms.decisions as string;
  const actor = await publishByDecision(bea, decisions, groupIri, {
    kind: ActivitypubActionKinds.publish,
    action: { handle, followers: 'decided' },
  });
  expect(actor.manuallyApprovesFollowers).toBe(true);

  const followDecision = async (followId: string) =>
    (await eventually(
      'the follower decision',
      async () =>
        (
          await roomEvents(bea, decisions)
        ).find(
          (e) =>
            e.type === 'org.imago.governance.propose' &&
            (e.content as Json).kind === ActivitypubActionKinds.follower &&
            ((e.content as Json).action as Json).activity === followId,
        ),
      (e) => e !== undefined,
    )) as { eventId: string };
  const follow = {
    '@context': 'https://www.w3.org/ns/activitystreams',
    type: 'Follow',
    actor: peer.actor,
    object: groupIri,
  };
  const first = await peer.publish(`decided-1-${run}`, follow);
  expect((await peer.send(inbox, { ...follow, id: first })).status).toBe(202);
  const refused = await followDecision(first);
  expect(await bridge.bridge.store.followers(handle)).toEqual([]);
  await sendGovernanceEvent(bea, decisions, 'org.imago.governance.refuse', { decision: refused.eventId });
  await confirmByClose(bea, decisions, refused.eventId);
  await peer.waitFor(
    'Reject(Follow)',
    (a) => a.type === 'Reject' && JSON.stringify(a.object).includes(first),
  );
  expect(await bridge.bridge.store.followers(handle)).toEqual([]);

  const second = await peer.publish(`decided-2-${run}`, follow);
  expect((await peer.send(inbox, { ...follow, id: second })).status).toBe(202);
  const approved = await followDecision(second);
  await sendGovernanceEvent(bea, decisions, 'org.imago.governance.approve', { decision: approved.eventId });
  await confirmByClose(bea, decisions, approved.eventId);
  await peer.waitFor(
    'Accept(Follow)',
    (a) => a.type === 'Accept' && JSON.stringify(a.object).includes(second),
  );
  expect((await bridge.bridge.store.followers(handle)).map((f) => f.id)).toEqual([peer.actor]);

  // A repeated Follow from an accepted follower is accepted again, with no new decision.
  const third = await peer.publish(`decided-again-${run}`, follow);
  expect((await peer.send(inbox, { ...follow, id: third })).status).toBe(202);
  await peer.waitFor(
    'Accept of the repeated Follow',
    (a) => a.type === 'Accept' && JSON.stringify(a.object).includes(third),
  );
  const proposedFor = async (followId: string) =>
    (await roomEvents(bea, decisions)).filter(
      (e) =>
        e.type === 'org.imago.governance.propose' &&
        ((e.content as Json).action as Json | undefined)?.activity === followId,
    ).length;
  expect(await proposedFor(third)).toBe(0);

  // Undo(Follow) through the shared inbox removes the follower; a new Follow is decided again.
  const undo = {
    '@context': 'https://www.w3.org/ns/activitystreams',
    type: 'Undo',
    actor: peer.actor,
    object: { ...follow, id: second },
  };
  const undoId = await peer.publish(`decided-undo-${run}`, undo);
  expect((await peer.send(`${bridge.origin}/inbox`, { ...undo, id: undoId })).status).toBe(202);
  await eventually(
    'the follower removed',
    () => bridge.bridge.store.followers(handle),
    (list) => list.length === 0,
  );
  const fourth = await peer.publish(`decided-4-${run}`, follow);
  expect((await peer.send(inbox, { ...follow, id: fourth })).status).toBe(202);
  const again = await followDecision(fourth);
  // While that decision is open, the same actor's next Follow proposes nothing more.
  const fifth = await peer.publish(`decided-5-${run}`, follow);
  expect((await peer.send(inbox, { ...follow, id: fifth })).status).toBe(202);
  await sendGovernanceEvent(bea, decisions, 'org.imago.governance.approve', { decision: again.eventId });
  await confirmByClose(bea, decisions, again.eventId);
  await peer.waitFor(
    'Accept(Follow) again',
    (a) => a.type === 'Accept' && JSON.stringify(a.object).includes(fourth),
  );
  expect(await proposedFor(fifth)).toBe(0);
  expect((await bridge.bridge.store.followers(handle)).map((f) => f.id)).toEqual([peer.actor]);
  const oldKey = ((actor.publicKey as Json).publicKeyPem as string) ?? '';
  expect(oldKey).toContain('PUBLIC KEY');

  // The group turns on end-to-end encryption in its chat room (raw HTTP): its messages must never
  // leave in clear, so the bridge withdraws it; its followers are told, its keys and followers
  // deleted, and its actor is a tombstone.
  const chat = group.rooms.chat as string;
  const encryption = await fetch(
    `${groupServer.baseUrl}/_matrix/client/v3/rooms/${encodeURIComponent(chat)}/state/m.room.encryption/`,
    {
      method: 'PUT',
      headers: { authorization: `Bearer ${beaSession.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ algorithm: 'm.megolm.v1.aes-sha2' }),
    },
  );
  expect(encryption.status).toBe(200);
  const gone = await eventually(
    'the withdrawn actor',
    () => fetch(groupIri, { headers: { accept: 'application/activity+json' } }),
    (response) => response.status === 410,
  );
  expect(((await gone.json()) as Json).type).toBe('Tombstone');
  await peer.waitFor('Delete of the actor', (a) => a.type === 'Delete' && a.object === groupIri);
  expect(await bridge.bridge.store.keys(handle)).toBeUndefined();
  expect(await bridge.bridge.store.followers(handle)).toEqual([]);
  expect(
    (await peer.send(inbox, { ...follow, id: await peer.publish(`decided-3-${run}`, follow) })).status,
  ).not.toBe(202);

  // A later group takes the same handle: a new key, no follower of the old one.
  const later = await groupWithBot(groupServer, creator, {
    profile: { name: 'Another group' },
    bot,
    kinds: [ActivitypubActionKinds.publish],
  });
  const reborn = await publishByDecision(bea, later.rooms.decisions as string, groupIri, {
    kind: ActivitypubActionKinds.publish,
    action: { handle },
  });
  expect(reborn.name).toBe('Another group');
  expect((reborn.publicKey as Json).publicKeyPem).not.toBe(oldKey);
  expect(await bridge.bridge.store.followers(handle)).toEqual([]);
  bea.stopClient();
}
