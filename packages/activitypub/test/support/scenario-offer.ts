/**
 * @module
 * The story's stages on the fediverse's side of an offer: a peer follows the group and is
 * accepted, the group's offer reaches it as a Proposal, and a need the group announces as a Note
 * (a copy relayed from another group is not re-published).
 */
import { publishProposal } from '@imago/matrix-binding';
import { expect } from 'vitest';
import { run } from './bridge-harness';
import { ACTIVITY_JSON } from './bridged-group';
import type { Json } from './peer';
import type { Story } from './scenario-publication';

/** What the offer stage leaves for the later ones. */
export interface PublishedOffer {
  /** The peer's Follow, accepted. */
  readonly follow: Json;
  /** The offer's content, as the group published it in its chat. */
  readonly offerContent: Json;
  /** The offer's Matrix event. */
  readonly offerEvent: string;
  /** The offer's Proposal on the fediverse. */
  readonly proposalIri: string;
}

/** The peer follows the group; the group publishes an offer, which reaches the peer. */
export async function followAndOffer(story: Story): Promise<PublishedOffer> {
  const { peer, groupIri, inbox, name, ana, chat } = story;
  // Follow → Accept, signed (the peer's inbox only takes requests whose signature it verified).
  const follow = {
    '@context': 'https://www.w3.org/ns/activitystreams',
    type: 'Follow',
    actor: peer.actor,
    object: groupIri,
  };
  const followId = await peer.publish(`follow-${name}-${run}`, follow);
  expect((await peer.send(inbox, { ...follow, id: followId })).status).toBe(202);
  const accepted = await peer.waitFor(
    'Accept(Follow)',
    (a) => a.type === 'Accept' && JSON.stringify(a.object).includes(followId),
  );
  expect(accepted.actor).toBe(groupIri);

  // The group publishes an offer: the peer receives a Proposal with readable content.
  const offerContent = {
    purpose: 'offer',
    name: 'Cargo bike to lend',
    note: 'A Bullitt cargo bike, free to borrow for a month.',
    proposer: 'group:repair-cafe',
    unitBased: false,
    publishes: [
      {
        id: 'lend-cargo-bike',
        action: 'transferCustody',
        resourceInventoriedAs: 'cargo-bike',
        resourceQuantity: { hasNumericalValue: 1, hasUnit: 'one' },
      },
    ],
    reciprocal: [],
  } as const;
  const offerEvent = await publishProposal(ana, chat, offerContent);
  const created = await peer.waitFor(
    'Create(Proposal)',
    (a) => a.type === 'Create' && (a.object as Json | undefined)?.type === 'Proposal',
  );
  const proposal = created.object as Json;
  expect(proposal.purpose).toBe('offer');
  expect(proposal.content).toContain('Cargo bike to lend');
  expect(proposal.content).toContain('transferCustody 1 one cargo-bike');
  expect(proposal.attributedTo).toBe(groupIri);
  expect(proposal.audience).toBe(groupIri);
  const proposalIri = proposal.id as string;
  expect(((proposal.publishes as Json).id as string).endsWith('#primary')).toBe(true);
  expect((await fetch(proposalIri, ACTIVITY_JSON)).status).toBe(200);
  return { follow, offerContent, offerEvent, proposalIri };
}

/** The group announces a need; a copy relayed from another group goes nowhere. */
export async function announceNeed(story: Story): Promise<void> {
  const { groupServer, bridge, peer, groupIri, anaSession, group, chat } = story;
  // The group announces a need (org.imago.announcement, in raw HTTP): its followers get a Note
  // with a readable name and content. A copy delivered from another group is not re-published.
  const announceRaw = async (content: Json) => {
    const response = await fetch(
      `${groupServer.baseUrl}/_matrix/client/v3/rooms/${encodeURIComponent(chat)}/send/org.imago.announcement/a${Date.now()}${Math.random()}`,
      {
        method: 'PUT',
        headers: { authorization: `Bearer ${anaSession.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(content),
      },
    );
    expect(response.status).toBe(200);
  };
  await announceRaw({
    kind: 'offer',
    title: 'Relayed: bread from another group',
    origin: { group: '!other:elsewhere.example', room: '!room:elsewhere.example', event: '$original' },
  });
  await announceRaw({
    kind: 'need',
    title: 'Someone to fix a sewing machine',
    body: 'Our Singer 201 skips stitches.\n\nSaturday mornings <3',
    origin: { group: group.spaceId, room: chat },
  });
  const needCreate = await peer.waitFor(
    'Create(Note) of the need',
    (a) => a.type === 'Create' && (a.object as Json | undefined)?.name === 'Someone to fix a sewing machine',
  );
  const need = needCreate.object as Json;
  expect(need.type).toBe('Note');
  expect(need.attributedTo).toBe(groupIri);
  expect(need.content).toBe(
    '<p>Need: Someone to fix a sewing machine</p><p>Our Singer 201 skips stitches.</p><p>Saturday mornings &#60;3</p>',
  );
  expect(((await (await fetch(need.id as string, ACTIVITY_JSON)).json()) as Json).content).toBe(need.content);
  // The copy went first in the same room: it was handled before the need, and sent nowhere.
  await bridge.bridge.idle();
  expect((await peer.inbox()).some((a) => JSON.stringify(a).includes('Relayed: bread'))).toBe(false);
}
