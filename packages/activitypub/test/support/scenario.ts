// The story both integration tests tell, on whatever homeservers they set up: a group publishes
// itself on the fediverse by a decision, the peer follows it and gets a signed Accept, the group
// publishes an offer and the peer gets a Proposal, the peer replies and a ghost user's message
// appears in the offer's thread, the peer offers an agreement, the group decides and the peer gets
// Accept; forged and unsigned requests are refused and change nothing. Each stage in its own file.
import type { TestHomeserver } from '@imago/matrix-binding/testing';
import { expect } from 'vitest';
import type { RunningBridge } from '../../src/node/index';
import { rawHistory, run } from './bridge-harness';
import { attackerKey, type Peer, post, signedRequest } from './peer';
import { agreeOnOffer } from './scenario-agreement';
import { announceNeed, followAndOffer } from './scenario-offer';
import { publishGroup } from './scenario-publication';
import { replyInThread } from './scenario-replies';

/**
 * Plays the story. `groupServer` hosts the group's members; the bridge is registered with its own
 * homeserver (the same one, or another of a federation).
 */
export async function playScenario(options: {
  groupServer: TestHomeserver;
  bridge: RunningBridge;
  peer: Peer;
  name: string;
}): Promise<PlayedScenario> {
  const story = await publishGroup(options);
  const offer = await followAndOffer(story);
  await announceNeed(story);
  await replyInThread(story, offer);
  await agreeOnOffer(story, offer);

  const { groupServer, bridge, peer, handle, groupIri, inbox, ana, anaSession, group, chat, decisions } =
    story;
  const { follow, proposalIri } = offer;

  // An unsigned request and one signed with a key that is not the peer's are refused, and change nothing.
  const before = {
    followers: await bridge.bridge.store.followers(handle),
    chat: (await rawHistory(groupServer, anaSession.accessToken, chat)).length,
  };
  const forgedFollow = JSON.stringify({
    ...follow,
    id: `${peer.url}/objects/forged-${run}`,
    actor: peer.actor,
  });
  expect(await post(inbox, forgedFollow, { 'content-type': 'application/activity+json' })).toBe(401);
  const forged = signedRequest(inbox, forgedFollow, `${peer.actor}#main`, attackerKey());
  expect(await post(inbox, forged.body, forged.headers)).toBe(401);
  expect(await bridge.bridge.store.followers(handle)).toEqual(before.followers);
  expect((await rawHistory(groupServer, anaSession.accessToken, chat)).length).toBe(before.chat);
  ana.stopClient();
  return { handle, groupIri, inbox, proposalIri, chat, decisions, spaceId: group.spaceId, ana: anaSession };
}

/** What the story leaves for the attacks. */
export interface PlayedScenario {
  readonly handle: string;
  readonly groupIri: string;
  readonly inbox: string;
  readonly proposalIri: string;
  readonly chat: string;
  readonly decisions: string;
  readonly spaceId: string;
  readonly ana: { readonly userId: string; readonly accessToken: string };
}
