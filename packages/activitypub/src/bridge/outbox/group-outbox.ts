/**
 * @module
 * A group's outgoing activities, delivered to its followers exactly as written (one request per
 * inbox, shared inboxes preferred), signed with the group's key (draft-cavage HTTP signatures).
 * Fedify's own sending re-compacts activities with its context, which would rewrite FEP-0837's
 * terms (`purpose`, `publishes`…) as full IRIs and change an announced activity; so proposals,
 * notes, announces and the group's `Delete` go out this way, answers through Fedify.
 */
import { signRequest } from '@fedify/fedify/sig';
import { type BridgeLog, describeError } from '../bridge-log';
import type { BridgeStore } from '../bridge-store';
import { type DeliveryOptions, deliverToInboxes } from '../delivery';
import { keysOf } from '../federation';

/** What {@link GroupOutbox} needs. */
export interface GroupOutboxOptions {
  /** The followers and keys of the groups. */
  readonly store: BridgeStore;
  /** The actor IRI of a group (its key id is `<actor>#main-key`). */
  readonly actor: (handle: string) => string;
  /** The limits of each delivery (deadline, size, private addresses). */
  readonly limits: DeliveryOptions;
  readonly log: BridgeLog;
}

/** Delivers the groups' activities to their followers and keeps track of those under way. */
export class GroupOutbox {
  readonly #deliveries = new Set<Promise<void>>();
  readonly #options: GroupOutboxOptions;

  constructor(options: GroupOutboxOptions) {
    this.#options = options;
  }

  /**
   * Sends an activity beside the caller (a slow inbox holds up no Matrix event), within
   * {@link deliverToInboxes}' limits; {@link GroupOutbox.idle} waits for it.
   *
   * @param handle - the group.
   * @param activity - the activity, sent as written.
   */
  send(handle: string, activity: Record<string, unknown>): void {
    const delivery = this.sendNow(handle, activity).catch((error: unknown) =>
      this.#options.log('error', 'delivery-failed', { id: activity.id, ...describeError(error) }),
    );
    this.#deliveries.add(delivery);
    void delivery.finally(() => this.#deliveries.delete(delivery));
  }

  /**
   * Sends an activity and waits until every follower's inbox has answered or timed out.
   *
   * @param handle - the group.
   * @param activity - the activity, sent as written.
   * @returns when the deliveries have ended (refusals are logged).
   */
  async sendNow(handle: string, activity: Record<string, unknown>): Promise<void> {
    const { store, actor, limits, log } = this.#options;
    const followers = await store.followers(handle);
    if (followers.length === 0) return;
    const privateKey = (await keysOf({ store }, handle))[0]?.privateKey;
    if (privateKey === undefined) return;
    const keyId = new URL(`${actor(handle)}#main-key`);
    const results = await deliverToInboxes(
      followers.map((f) => f.sharedInbox ?? f.inbox),
      JSON.stringify(activity),
      (request) => signRequest(request, privateKey, keyId, { spec: 'draft-cavage-http-signatures-12' }),
      limits,
    );
    for (const result of results) {
      if (!result.ok)
        log('warn', result.status === undefined ? 'delivery-failed' : 'delivery-refused', {
          inbox: result.inbox,
          id: activity.id,
          problem: result.problem,
          ...(result.status !== undefined ? { status: result.status } : {}),
        });
    }
  }

  /**
   * Waits until the deliveries under way have ended (each has a deadline).
   *
   * @returns when no delivery is under way.
   */
  async idle(): Promise<void> {
    while (this.#deliveries.size > 0) await Promise.allSettled([...this.#deliveries]);
  }
}
