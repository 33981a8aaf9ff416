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

/** Delivers the groups' activities to their followers and keeps track of those under way. */
export class GroupOutbox {
  readonly #deliveries = new Set<Promise<void>>();
  readonly #store: BridgeStore;
  readonly #actor: (handle: string) => string;
  readonly #limits: DeliveryOptions;
  readonly #log: BridgeLog;

  /**
   * @param store - the followers and keys of the groups.
   * @param actor - the actor IRI of a group (its key id is `<actor>#main-key`).
   * @param limits - the limits of each delivery (deadline, size, private addresses).
   * @param log - the bridge's log.
   */
  constructor(
    store: BridgeStore,
    actor: (handle: string) => string,
    limits: DeliveryOptions,
    log: BridgeLog,
  ) {
    this.#store = store;
    this.#actor = actor;
    this.#limits = limits;
    this.#log = log;
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
      this.#log('error', 'delivery-failed', { id: activity.id, ...describeError(error) }),
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
    const followers = await this.#store.followers(handle);
    if (followers.length === 0) return;
    const privateKey = (await keysOf({ store: this.#store }, handle))[0]?.privateKey;
    if (privateKey === undefined) return;
    const keyId = new URL(`${this.#actor(handle)}#main-key`);
    const results = await deliverToInboxes(
      followers.map((f) => f.sharedInbox ?? f.inbox),
      JSON.stringify(activity),
      (request) => signRequest(request, privateKey, keyId, { spec: 'draft-cavage-http-signatures-12' }),
      this.#limits,
    );
    for (const result of results) {
      if (!result.ok)
        this.#log('warn', result.status === undefined ? 'delivery-failed' : 'delivery-refused', {
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
