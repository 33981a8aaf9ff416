/**
 * @module
 * A reply to a group's proposal (`Create` of a `Note`): a message of the actor's ghost user in the
 * proposal's thread, then, when the reply is public, announced by the group to its followers
 * (FEP-1b12), the activity unchanged.
 */
import { type Create, PUBLIC_COLLECTION } from '@fedify/fedify/vocab';
import { admitToRoom, sendThreadMessage } from '@imago/matrix-binding';
import { parseReplyNote } from '../../mapping/reply-note';
import type { BridgeParts } from '../bridge-parts';
import { receivedTerms } from './received-terms';

/** Where a bridged message says it came from (its event content carries it). */
const ORIGIN_KEY = 'org.imago.activitypub.origin';

/**
 * Handles a verified `Create`.
 *
 * @param parts - the bridge.
 * @param create - the activity.
 * @param json - the activity as received (announced unchanged).
 * @returns when the reply is in its thread, or the activity ignored.
 */
export async function receiveReply(
  parts: BridgeParts,
  create: Create,
  json: Record<string, unknown>,
): Promise<void> {
  const { store, log, iris } = parts;
  const reply = receivedTerms(log, parseReplyNote(json), create.actorId, 'create-ignored');
  if (reply === undefined) return;
  const target = iris.proposalOf(reply.inReplyTo);
  if (target === undefined) return;
  const record = await store.proposal(target.handle, target.eventId);
  const group = await store.group(target.handle);
  if (record === undefined || group === undefined) return;
  const groupIri = iris.actor(group.handle);
  if (reply.audience.length > 0 && !reply.audience.includes(groupIri)) return;
  if ((await store.bridged(reply.activity)) !== undefined) return;
  const author = await create.getActor(parts.context()).catch(() => null);
  const ghost = await parts.ghosts.of(reply.actor, author);
  await admitToRoom(parts.bot, ghost, record.roomId, group.via);
  const eventId = await sendThreadMessage(
    ghost,
    record.roomId,
    record.eventId,
    { body: reply.text },
    { [ORIGIN_KEY]: { activity: reply.activity, actor: reply.actor, object: reply.note } },
  );
  await store.saveBridged(reply.activity, eventId);
  log('info', 'reply-bridged', { handle: group.handle, activity: reply.activity, eventId });
  // FEP-1b12: the group announces what it accepts to its followers, the activity unchanged;
  // a reply not addressed to the public keeps its audience and is not announced.
  if (!reply.public) {
    log('info', 'reply-not-announced', { handle: group.handle, activity: reply.activity });
    return;
  }
  parts.outbox.send(group.handle, {
    '@context': 'https://www.w3.org/ns/activitystreams',
    id: `${groupIri}/announces/${crypto.randomUUID()}`,
    type: 'Announce',
    actor: groupIri,
    object: json,
    to: [PUBLIC_COLLECTION.href],
    cc: [iris.followers(group.handle)],
  });
}
