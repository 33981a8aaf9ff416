/**
 * @module
 * What the bridge gives its federation ({@link FederationHost}): the groups' views read from
 * Matrix, the moderators' `Person` documents, the rate limit of each verified actor's server, and
 * the inbox listeners' stages, one per activity type.
 */
import type { RateLimit } from '../guard/rate-limit';
import { describeError } from './bridge-log';
import type { BridgeParts } from './bridge-parts';
import type { GroupRecord } from './bridge-store';
import type { FederationHost } from './federation';
import { receiveFollow } from './inbox/follow';
import { receiveOffer } from './inbox/offer';
import { receiveReply } from './inbox/reply';
import { receiveUndo } from './inbox/undo';
import { moderatorsOf, readGroup } from './matrix/group-rooms';

/**
 * The bridge, as its federation sees it.
 *
 * @param parts - the bridge.
 * @param actorLimit - verified activities per remote server (the host of the actor whose
 *   signature Fedify checked).
 * @returns the federation's host.
 */
export function federationHost(parts: BridgeParts, actorLimit: RateLimit): FederationHost {
  const { store, log } = parts;
  return {
    store,
    groupView: async (group) => {
      const view = await readGroup(parts.bot, group.spaceId).catch(() => undefined);
      if (view === undefined) return undefined;
      return { ...(view.profile ? { profile: view.profile } : {}), moderators: moderatorsOf(view) };
    },
    isModerator: async (userId) => {
      for await (const entry of parts.options.kv.list(['imago', 'group'])) {
        const group = entry.value as GroupRecord;
        const view = await readGroup(parts.bot, group.spaceId).catch(() => undefined);
        if (view && moderatorsOf(view).includes(userId)) return true;
      }
      return false;
    },
    admitActor: (actor) => {
      const wait = actorLimit.take(actor.host, Date.now());
      if (wait > 0) log('warn', 'actor-rate-limited', { server: actor.host, actor: actor.href });
      return wait === 0;
    },
    onFollow: (handle, follow, json) => receiveFollow(parts, handle, follow, json),
    onUndo: (handle, undo) => receiveUndo(parts, handle, undo),
    onCreate: (_handle, create, json) => receiveReply(parts, create, json),
    onOffer: (_handle, offer, json) => receiveOffer(parts, offer, json),
    onError: (error) => log('error', 'inbox-listener-failed', describeError(error)),
  };
}
