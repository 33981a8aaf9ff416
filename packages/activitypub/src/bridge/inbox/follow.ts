/**
 * @module
 * A `Follow` of a group: accepted at once when the group's followers are open; otherwise proposed
 * to the group as a decision of its control table (one per follower), answered when it settles.
 */
import type { Follow } from '@fedify/fedify/vocab';
import { propose } from '@imago/matrix-binding';
import { ActivitypubActionKinds } from '../../vocabulary/action-kinds';
import type { BridgeParts } from '../bridge-parts';
import { answer } from '../outbox/answer';
import { remoteActor } from './remote-actor';

/**
 * Handles a verified `Follow` of the group `handle`.
 *
 * @param parts - the bridge.
 * @param handle - the group followed.
 * @param follow - the activity.
 * @param json - the activity as received (kept for the answer).
 * @returns when it is accepted, proposed or ignored.
 */
export async function receiveFollow(
  parts: BridgeParts,
  handle: string,
  follow: Follow,
  json: Record<string, unknown>,
): Promise<void> {
  const { store, log } = parts;
  const group = await store.group(handle);
  if (group === undefined || follow.id === null) return;
  const ctx = parts.context();
  const follower = await remoteActor(parts, await follow.getActor(ctx), follow.actorId);
  if (follower === undefined) {
    log('warn', 'follow-without-actor', { handle, activity: follow.id.href });
    return;
  }
  if (group.followers === 'open') {
    await store.addFollower(handle, follower);
    await answer(parts, group, follower, follow, true);
    log('info', 'follow-accepted', { handle, follower: follower.id });
    return;
  }
  if (group.decisions === undefined) return;
  // One decision per follower: a repeated Follow while one is open, or from a follower the
  // group already accepted, proposes nothing again.
  if ((await store.followers(handle)).some((f) => f.id === follower.id)) {
    await answer(parts, group, follower, follow, true);
    log('info', 'follow-accepted', { handle, follower: follower.id, already: true });
    return;
  }
  const open = (await store.pendingOf(handle)).find(
    (p) => p.kind === 'follower' && p.follower.id === follower.id,
  );
  if (open !== undefined) {
    log('info', 'follow-already-proposed', { handle, follower: follower.id, decision: open.decision });
    return;
  }
  const decision = await propose(parts.bot, group.decisions, {
    kind: ActivitypubActionKinds.follower,
    title: `Accept ${follower.id} as a follower on the fediverse`,
    action: { actor: follower.id, activity: follow.id.href },
  });
  await store.savePending({ kind: 'follower', handle, decision, activity: json, follower });
  log('info', 'follow-proposed', { handle, follower: follower.id, decision });
}
