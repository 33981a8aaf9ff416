/**
 * @module
 * The story's stage of replies: the peer's reply to the offer appears in the offer's thread as a
 * ghost user's message and is announced to the followers; a reply addressed to the group only
 * reaches the thread.
 */
import { expect } from 'vitest';
import { rawHistory, run } from './bridge-harness';
import type { Json } from './peer';
import type { PublishedOffer } from './scenario-offer';
import type { Story } from './scenario-publication';
import { eventually } from './services';

const PUBLIC = 'https://www.w3.org/ns/activitystreams#Public';

/** The peer replies to the offer, publicly then to the group only. */
export async function replyInThread(story: Story, offer: PublishedOffer): Promise<void> {
  const { groupServer, bridge, peer, groupIri, inbox, name, anaSession, chat } = story;
  const { proposalIri, offerEvent } = offer;
  const bot = bridge.bridge.botUserId;
  // The peer replies: a ghost user's message in the offer's thread.
  const note = {
    type: 'Note',
    attributedTo: peer.actor,
    inReplyTo: proposalIri,
    audience: groupIri,
    content: '<p>We would love to borrow it &amp; bring it back!</p>',
    to: [PUBLIC],
    cc: [groupIri],
  };
  const noteId = await peer.publish(`note-${name}-${run}`, note);
  const create = {
    '@context': 'https://www.w3.org/ns/activitystreams',
    type: 'Create',
    actor: peer.actor,
    object: { ...note, id: noteId },
    to: [PUBLIC],
    cc: [groupIri],
  };
  const createId = await peer.publish(`create-${name}-${run}`, create);
  expect((await peer.send(inbox, { ...create, id: createId })).status).toBe(202);
  const threaded = (await eventually(
    'the ghost reply in the thread',
    async () =>
      (
        await rawHistory(groupServer, anaSession.accessToken, chat)
      ).find(
        (e) =>
          e.type === 'm.room.message' &&
          ((e.content as Json)['m.relates_to'] as Json | undefined)?.event_id === offerEvent,
      ),
    (e) => e !== undefined,
  )) as Json;
  expect(((threaded.content as Json)['m.relates_to'] as Json).rel_type).toBe('m.thread');
  expect((threaded.content as Json).body).toBe('We would love to borrow it & bring it back!');
  expect(threaded.sender as string).toMatch(new RegExp(`^@${bridge.bridge.botUserId.slice(1, 4)}`));
  expect(threaded.sender).not.toBe(bot);
  // FEP-1b12: the group announces the reply to its followers, the activity as the peer sent it.
  const announce = await peer.waitFor('Announce(Create)', (a) => a.type === 'Announce');
  expect((announce.object as Json).id ?? announce.object).toBe(createId);

  // A reply addressed to the group only reaches the thread, and is not announced to the followers.
  const privateNote = { ...note, content: '<p>Between us: is the lock code still 1234?</p>', to: [groupIri] };
  delete (privateNote as Partial<typeof note>).cc;
  const privateNoteId = await peer.publish(`private-note-${name}-${run}`, privateNote);
  const privateCreate = { ...create, object: { ...privateNote, id: privateNoteId }, to: [groupIri] };
  delete (privateCreate as Partial<typeof create>).cc;
  const privateCreateId = await peer.publish(`private-create-${name}-${run}`, privateCreate);
  expect((await peer.send(inbox, { ...privateCreate, id: privateCreateId })).status).toBe(202);
  await eventually(
    'the private reply in the thread',
    async () =>
      (await rawHistory(groupServer, anaSession.accessToken, chat)).map((e) => (e.content as Json).body),
    (bodies) => bodies.includes('Between us: is the lock code still 1234?'),
  );
  // Once the reply is recorded as bridged, its announcement (if any) is under way: wait for it.
  await eventually(
    'the private reply recorded',
    () => bridge.bridge.store.bridged(privateCreateId),
    (eventId) => eventId !== undefined,
  );
  await bridge.bridge.idle();
  expect(
    (await peer.inbox()).filter((a) => a.type === 'Announce').map((a) => JSON.stringify(a.object)),
  ).not.toContainEqual(expect.stringContaining(privateCreateId));
}
