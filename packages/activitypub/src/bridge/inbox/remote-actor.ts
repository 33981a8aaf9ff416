/**
 * @module
 * The remote actor of a verified activity, as the bridge keeps it (a follower, or the
 * counterparty of an offer): its document must be the activity's actor, and its inboxes, which
 * its server writes, must be addresses the bridge may send to.
 */
import type { Actor } from '@fedify/fedify/vocab';
import type { BridgeParts } from '../bridge-parts';
import type { FollowerRecord } from '../bridge-store';
import { targetProblem } from '../delivery';

/**
 * Reads the actor of an activity.
 *
 * @param parts - the bridge.
 * @param actor - the actor's document, as Fedify fetched it (`null` when it could not).
 * @param id - the activity's actor (verified by its signature).
 * @returns the actor's id and inboxes, or `undefined` (logged when an inbox is refused).
 */
export async function remoteActor(
  parts: BridgeParts,
  actor: Actor | null,
  id: URL | null,
): Promise<FollowerRecord | undefined> {
  if (actor === null || actor.id === null || actor.inboxId === null) return undefined;
  if (id !== null && actor.id.href !== id.href) return undefined;
  // The inboxes are the remote server's word: never a target inside the bridge's network.
  const allow = parts.options.allowPrivateAddress ?? false;
  const shared = actor.endpoints?.sharedInbox?.href;
  for (const target of [actor.inboxId.href, ...(shared ? [shared] : [])]) {
    const problem = await targetProblem(target, allow);
    if (problem !== undefined) {
      parts.log('warn', 'actor-inbox-refused', { actor: actor.id.href, inbox: target, problem });
      return undefined;
    }
  }
  return { id: actor.id.href, inbox: actor.inboxId.href, ...(shared ? { sharedInbox: shared } : {}) };
}
