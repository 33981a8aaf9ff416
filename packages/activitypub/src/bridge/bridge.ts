/**
 * @module
 * The bridge: a Matrix application service that shows the groups that chose it (by a decision of
 * their control table) as fediverse `Group` actors, and brings answers back into their rooms and
 * decisions. Its Matrix side reads rooms through @imago/matrix-binding and acts as its bot and
 * ghost users; its ActivityPub side is {@link buildFederation}. Everything it decides, it derives
 * from replayed room history; what it remembers (followers, published proposals, awaited
 * decisions) is in the key–value store it shares with Fedify.
 *
 * The stages live beside it: `http/` (the routes of the ActivityPub side), `inbox/` (one file per
 * activity type received), `matrix/` (invitations, publication, a group's sync), `decisions/`
 * (what a settled decision does), `outbox/` (what the groups send).
 */
import type { Federation } from '@fedify/fedify';
import { InboxGuard } from '../guard/inbox-guard';
import { RateLimit } from '../guard/rate-limit';
import { BridgeIris } from './bridge-iris';
import type { BridgeLog } from './bridge-log';
import { describeError } from './bridge-log';
import type { ActivityPubBridgeOptions } from './bridge-options';
import type { BridgeParts } from './bridge-parts';
import { BridgeStore } from './bridge-store';
import { buildFederation, type RequestData } from './federation';
import { federationHost } from './federation-host';
import { type RequestLimits, serveRequest } from './http/activitypub-requests';
import { appserviceClient } from './matrix/appservice-client';
import { GhostUsers } from './matrix/ghost-users';
import { syncGroup } from './matrix/group-sync';
import { routeMatrixEvent } from './matrix/matrix-events';
import { GroupOutbox } from './outbox/group-outbox';

/**
 * The ActivityPub bridge of Imago groups.
 *
 * @example
 * ```ts
 * const bridge = new ActivityPubBridge({ origin, homeserver: { baseUrl, asToken }, botUserId, ghostPrefix: '_ap_', kv });
 * appservice.on('event', (event) => bridge.handleMatrixEvent(event));
 * const response = await bridge.fetch(request); // the ActivityPub side
 * ```
 */
export class ActivityPubBridge {
  readonly store: BridgeStore;
  readonly federation: Federation<RequestData>;
  readonly #parts: BridgeParts;
  readonly #limits: RequestLimits;
  readonly #queues = new Map<string, Promise<void>>();
  #stopped = false;

  constructor(options: ActivityPubBridgeOptions) {
    const log: BridgeLog = (level, what, detail) =>
      options.log?.({ level, what, ...(detail ? { detail } : {}) });
    const store = new BridgeStore(options.kv);
    const iris = new BridgeIris(options.origin);
    this.store = store;
    this.#parts = {
      options,
      store,
      bot: appserviceClient(options.homeserver, log, options.botUserId),
      ghosts: new GhostUsers({ store, homeserver: options.homeserver, prefix: options.ghostPrefix, log }),
      iris,
      outbox: new GroupOutbox({
        store,
        actor: (handle) => iris.actor(handle),
        limits: {
          ...options.delivery,
          ...(options.allowPrivateAddress !== undefined
            ? { allowPrivateAddress: options.allowPrivateAddress }
            : {}),
        },
        log,
      }),
      log,
      context: () => this.federation.createContext(new URL(options.origin), {}),
    };
    const signatureWindowMs = options.signatureWindowMs ?? 3_600_000;
    this.#limits = {
      guard: new InboxGuard({
        ...options.guard,
        replayWindowMs: 2 * signatureWindowMs,
        memory: {
          has: (signature) => store.signatureSeen(signature, Date.now()),
          remember: (signature, until) => store.rememberSignature(signature, until),
        },
      }),
      reads: new RateLimit(options.getRateLimit ?? { burst: 300, perMinute: 600 }),
    };
    // Verified activities per remote server (the host of the actor whose signature Fedify checked).
    const actorLimit = new RateLimit(options.guard?.rateLimit);
    this.federation = buildFederation(federationHost(this.#parts, actorLimit), {
      kv: options.kv,
      origin: options.origin,
      signatureWindowMs,
      ...(options.allowPrivateAddress !== undefined
        ? { allowPrivateAddress: options.allowPrivateAddress }
        : {}),
    });
  }

  /** The bot's user id. */
  get botUserId(): string {
    return this.#parts.options.botUserId;
  }

  /** Stops handling Matrix events; the HTTP servers are the caller's. */
  stop(): void {
    this.#stopped = true;
  }

  /**
   * Answers a request to the ActivityPub side: inbox deliveries pass the {@link InboxGuard} and
   * then Fedify; proposals and moderators are served here; the rest is Fedify's.
   *
   * @param request - the request.
   * @param from - where it comes from: the connecting address (the inbox's rate limit before any
   *   signature is checked).
   * @returns the response.
   */
  async fetch(request: Request, from: { readonly remoteAddress?: string } = {}): Promise<Response> {
    return serveRequest(this.#parts, this.federation, this.#limits, request, from.remoteAddress);
  }

  /**
   * Handles one event of an application service transaction. Events of a room are handled one at
   * a time, in order; a failure is logged and does not stop the bridge.
   *
   * @param event - the event as the homeserver sent it.
   * @returns when the event has been handled.
   */
  handleMatrixEvent(event: Record<string, unknown>): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    const roomId = typeof event.room_id === 'string' ? event.room_id : '';
    const previous = this.#queues.get(roomId) ?? Promise.resolve();
    const next = previous
      .then(() => routeMatrixEvent(this.#parts, event))
      .catch((error: unknown) =>
        this.#parts.log('error', 'matrix-event-failed', { roomId, ...describeError(error) }),
      );
    this.#queues.set(roomId, next);
    return next;
  }

  /**
   * Recomputes a group's publication and the decisions the bridge waits for, from the group's
   * rooms: publishes or withdraws the group, answers followers and agreement offers whose
   * decision has settled, and closes decisions whose period has ended.
   *
   * @param spaceId - the group's space.
   */
  async syncGroup(spaceId: string): Promise<void> {
    return syncGroup(this.#parts, spaceId);
  }

  /**
   * Waits until the deliveries under way have ended (each has a deadline).
   *
   * @returns when no delivery is under way.
   */
  async idle(): Promise<void> {
    return this.#parts.outbox.idle();
  }
}
