/**
 * @module
 * An `Undo` of a `Follow`: the follower leaves the group's followers. Only the actor of the
 * undone `Follow` may undo it.
 */
import { Follow, type Undo } from '@fedify/fedify/vocab';
import type { BridgeParts } from '../bridge-parts';

/**
 * Handles a verified `Undo`.
 *
 * @param parts - the bridge.
 * @param recipient - the group whose inbox received it, or `null` for the shared inbox.
 * @param undo - the activity.
 * @returns when the follower is removed, or the activity ignored.
 */
export async function receiveUndo(parts: BridgeParts, recipient: string | null, undo: Undo): Promise<void> {
  const object = await undo.getObject(parts.context()).catch(() => null);
  if (!(object instanceof Follow) || undo.actorId === null || object.actorId?.href !== undo.actorId.href)
    return;
  // Through the shared inbox there is no recipient: the undone Follow names the group.
  const handle = recipient ?? parts.iris.handleOf(object.objectId?.href);
  if (handle === undefined || (await parts.store.group(handle)) === undefined) return;
  await parts.store.removeFollower(handle, undo.actorId.href);
  parts.log('info', 'follow-undone', { handle, follower: undo.actorId.href });
}
