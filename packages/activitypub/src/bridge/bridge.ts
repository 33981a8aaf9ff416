/**
 * @module
 * The bridge: a Matrix application service that shows the groups that chose it (by a decision of
 * their control table) as fediverse `Group` actors, and brings answers back into their rooms and
 * decisions. Its Matrix side reads rooms through @imago/matrix-binding and acts as its bot and
 * ghost users; its ActivityPub side is {@link buildFederation}. Everything it decides, it derives
 * from replayed room history; what it remembers (followers, published proposals, awaited
 * decisions) is in the key–value store it shares with Fedify.
 */
import type { Federation, KvStore } from '@fedify/fedify';
import { signRequest } from '@fedify/fedify/sig';
import {
  Accept,
  type Actor,
  type Create,
  Follow,
  Offer,
  PUBLIC_COLLECTION,
  Reject,
  type Undo,
} from '@fedify/fedify/vocab';
import {
  admitToRoom,
  appendToRoomLog,
  createAppserviceClient,
  emptyRoomLog,
  fetchRoomHistory,
  fetchRoomState,
  type GroupView,
  groupFromState,
  groupRoom,
  ImagoEventTypes,
  joinRoom,
  leaveRoom,
  parseImagoEvent,
  propose,
  type RawMatrixEvent,
  ResourceEventTypes,
  readAgreementRecords,
  recordAgreement,
  registerAppserviceUser,
  replayDecisions,
  sendThreadMessage,
  setDisplayName,
} from '@imago/matrix-binding';
import {
  acceptProposal,
  type Measure,
  type Proposal,
  parseProposal,
  ValueflowsError,
} from '@imago/valueflows';
import { InboxGuard, type InboxGuardOptions } from '../guard/inbox-guard';
import { RateLimit, type RateLimitOptions } from '../guard/rate-limit';
import { parseAgreementOffer } from '../mapping/agreement-offer';
import { announcementNote } from '../mapping/announcement-note';
import { proposalDocument, proposalText, readIntentIri } from '../mapping/proposal-document';
import { parseReplyNote } from '../mapping/reply-note';
import { ActivitypubActionKinds, readPublication } from '../vocabulary/action-kinds';
import {
  BridgeStore,
  type FollowerRecord,
  type GroupRecord,
  type NoteRecord,
  type ProposalRecord,
} from './bridge-store';
import { type DeliveryOptions, deliverToInboxes, targetProblem } from './delivery';
import { buildFederation, keysOf, type RequestData } from './federation';

type MatrixClient = ReturnType<typeof createAppserviceClient>;

/** One line of the bridge's log. */
export interface BridgeLogEntry {
  readonly level: 'info' | 'warn' | 'error';
  /** What happened, as a stable word (`follow-accepted`, `inbox-refused`, …). */
  readonly what: string;
  readonly detail?: Record<string, unknown>;
}

/** Options of {@link ActivityPubBridge}. */
export interface ActivityPubBridgeOptions {
  /** The public base URL of the ActivityPub side (`https://bridge.example`). */
  readonly origin: string;
  /** The homeserver the application service is registered with. */
  readonly homeserver: { readonly baseUrl: string; readonly asToken: string };
  /** The service's own user (`@<sender_localpart>:<server>`). */
  readonly botUserId: string;
  /** Prefix of ghost users' localparts (the service's exclusive namespace), e.g. `_ap_`. */
  readonly ghostPrefix: string;
  /** Persistent key–value store (Fedify's and the bridge's records). */
  readonly kv: KvStore;
  /** Allow `http:` and loopback peers (tests, the demo); never in production. */
  readonly allowPrivateAddress?: boolean;
  /** Limits of outgoing deliveries (deadline, size); `allowPrivateAddress` above applies to them. */
  readonly delivery?: Omit<DeliveryOptions, 'allowPrivateAddress'>;
  /**
   * Age limit of incoming HTTP signatures (their `Date`, either way), in ms. Default one hour
   * (Fedify's). An accepted signature is remembered for twice this (a signature dated ahead stays
   * valid that long), so it cannot be played again while it is valid.
   */
  readonly signatureWindowMs?: number;
  /** Rate limit of `GET` requests per connecting address (each may read Matrix state). Default 300 at once, 600 a minute. */
  readonly getRateLimit?: RateLimitOptions;
  /** Limits of the inbox guard (size, rate); its replay window follows `signatureWindowMs`. */
  readonly guard?: Omit<InboxGuardOptions, 'memory' | 'replayWindowMs'>;
  /** Where log lines go. */
  readonly log?: (entry: BridgeLogEntry) => void;
}

const PROPOSAL_PATH = /^\/groups\/([a-z0-9_]{1,64})\/proposals\/([^/]{1,512})$/;
const ACTOR_PATH = /^\/actors\/([a-z0-9_]{1,64})$/;
const NOTE_PATH = /^\/groups\/([a-z0-9_]{1,64})\/notes\/([^/]{1,512})$/;
const INBOX_PATH = /^\/(?:actors\/[^/]{1,600}\/)?inbox$/;
const MODERATORS_PATH = /^\/actors\/([a-z0-9_]{1,64})\/moderators$/;
const ICON_PATH = /^\/actors\/([a-z0-9_]{1,64})\/icon\.svg$/;
const ACTIVITY_JSON = 'application/activity+json';
const ORIGIN_KEY = 'org.imago.activitypub.origin';

/** A Matrix-side error that must not stop the bridge. */
function describe(error: unknown): Record<string, unknown> {
  if (error instanceof Error)
    return { error: error.name, message: error.message, code: (error as { code?: unknown }).code };
  return { error: String(error) };
}

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
  readonly #options: ActivityPubBridgeOptions;
  readonly #bot: MatrixClient;
  readonly #guard: InboxGuard;
  readonly #queues = new Map<string, Promise<void>>();
  readonly #ghosts = new Map<string, MatrixClient>();
  readonly #deliveries = new Set<Promise<void>>();
  /** Verified activities per remote server (the host of the actor whose signature Fedify checked). */
  readonly #actorLimit: RateLimit;
  /** Reads per connecting address. */
  readonly #getLimit: RateLimit;
  #stopped = false;

  constructor(options: ActivityPubBridgeOptions) {
    this.#options = options;
    this.store = new BridgeStore(options.kv);
    this.#bot = createAppserviceClient({ ...this.#matrix(), userId: options.botUserId });
    this.#actorLimit = new RateLimit(options.guard?.rateLimit);
    this.#getLimit = new RateLimit(options.getRateLimit ?? { burst: 300, perMinute: 600 });
    const signatureWindowMs = options.signatureWindowMs ?? 3_600_000;
    this.#guard = new InboxGuard({
      ...options.guard,
      replayWindowMs: 2 * signatureWindowMs,
      memory: {
        has: (signature) => this.store.signatureSeen(signature, Date.now()),
        remember: (signature, until) => this.store.rememberSignature(signature, until),
      },
    });
    this.federation = buildFederation(
      {
        store: this.store,
        groupView: async (group) => {
          const view = await this.#readGroup(group.spaceId).catch(() => undefined);
          if (view === undefined) return undefined;
          return { ...(view.profile ? { profile: view.profile } : {}), moderators: moderatorsOf(view) };
        },
        isModerator: async (userId) => {
          for await (const entry of options.kv.list(['imago', 'group'])) {
            const group = entry.value as GroupRecord;
            const view = await this.#readGroup(group.spaceId).catch(() => undefined);
            if (view && moderatorsOf(view).includes(userId)) return true;
          }
          return false;
        },
        admitActor: (actor) => {
          const wait = this.#actorLimit.take(actor.host, Date.now());
          if (wait > 0) this.#log('warn', 'actor-rate-limited', { server: actor.host, actor: actor.href });
          return wait === 0;
        },
        onFollow: (handle, follow, json) => this.#onFollow(handle, follow, json),
        onUndo: (handle, undo) => this.#onUndo(handle, undo),
        onCreate: (_handle, create, json) => this.#onCreate(create, json),
        onOffer: (_handle, offer, json) => this.#onOffer(offer, json),
        onError: (error) => this.#log('error', 'inbox-listener-failed', describe(error)),
      },
      {
        kv: options.kv,
        origin: options.origin,
        signatureWindowMs,
        ...(options.allowPrivateAddress !== undefined
          ? { allowPrivateAddress: options.allowPrivateAddress }
          : {}),
      },
    );
  }

  /** The homeserver, with a matrix-js-sdk logger that passes only errors, to the bridge's log. */
  #matrix() {
    const none = () => undefined;
    const logger = {
      trace: none,
      debug: none,
      info: none,
      warn: none,
      error: (...args: unknown[]) =>
        this.#log('error', 'matrix-client', { message: args.map(String).join(' ') }),
      getChild: () => logger,
    };
    return { ...this.#options.homeserver, logger };
  }

  /** The bot's user id. */
  get botUserId(): string {
    return this.#options.botUserId;
  }

  /** Stops handling Matrix events; the HTTP servers are the caller's. */
  stop(): void {
    this.#stopped = true;
  }

  #log(level: BridgeLogEntry['level'], what: string, detail?: Record<string, unknown>): void {
    this.#options.log?.({ level, what, ...(detail ? { detail } : {}) });
  }

  #actorUri(handle: string): string {
    return `${this.#options.origin}/actors/${handle}`;
  }

  #proposalIri(handle: string, eventId: string): string {
    return `${this.#options.origin}/groups/${handle}/proposals/${encodeURIComponent(eventId)}`;
  }

  #noteIri(handle: string, eventId: string): string {
    return `${this.#options.origin}/groups/${handle}/notes/${encodeURIComponent(eventId)}`;
  }

  #noteDocument(record: NoteRecord): Record<string, unknown> {
    const actor = this.#actorUri(record.handle);
    return announcementNote(record, {
      id: this.#noteIri(record.handle, record.eventId),
      actor,
      followers: `${actor}/followers`,
      published: record.published,
    });
  }

  #context() {
    return this.federation.createContext(new URL(this.#options.origin), {});
  }

  // ---------------------------------------------------------------- HTTP (ActivityPub side)

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
    const url = new URL(request.url);
    if (request.method === 'POST' && INBOX_PATH.test(url.pathname)) {
      const admitted = await this.#guard.admit(request, from.remoteAddress);
      if (!admitted.ok) {
        this.#log('warn', 'inbox-refused', {
          code: admitted.code,
          server: admitted.server,
          path: url.pathname,
        });
        return admitted.response;
      }
      let response: Response;
      try {
        response = await this.federation.fetch(admitted.request, {
          contextData: { json: admitted.json },
          onNotFound: () => new Response('Not found.\n', { status: 404 }),
        });
      } catch (error) {
        // Fedify throws on some documents it cannot read (e.g. a literal where it expects an IRI).
        this.#log('warn', 'inbox-unreadable', {
          server: admitted.server,
          path: url.pathname,
          ...describe(error),
        });
        response = new Response('Invalid activity.\n', { status: 400 });
      }
      if (response.status >= 400) {
        this.#log('warn', 'inbox-refused', {
          status: response.status,
          server: admitted.server,
          path: url.pathname,
        });
      }
      await this.#guard.settle(admitted, response);
      return response;
    }
    if (request.method === 'GET' || request.method === 'HEAD') {
      const wait = this.#getLimit.take(from.remoteAddress ?? 'unknown', Date.now());
      if (wait > 0) {
        this.#log('warn', 'get-rate-limited', { address: from.remoteAddress, path: url.pathname });
        return new Response('Too many requests.\n', {
          status: 429,
          headers: { 'retry-after': String(wait) },
        });
      }
    }
    if (request.method === 'GET') {
      const actor = ACTOR_PATH.exec(url.pathname);
      if (actor) {
        const gone = await this.#serveTombstone(actor[1] as string);
        if (gone) return gone;
      }
      const proposal = PROPOSAL_PATH.exec(url.pathname);
      if (proposal)
        return this.#serveProposal(proposal[1] as string, decodeURIComponent(proposal[2] as string));
      const note = NOTE_PATH.exec(url.pathname);
      if (note) {
        const record = await this.store.note(note[1] as string, decodeURIComponent(note[2] as string));
        return record === undefined
          ? new Response('Not found.\n', { status: 404 })
          : Response.json(this.#noteDocument(record), { headers: { 'content-type': ACTIVITY_JSON } });
      }
      const moderators = MODERATORS_PATH.exec(url.pathname);
      if (moderators) return this.#serveModerators(moderators[1] as string);
      const icon = ICON_PATH.exec(url.pathname);
      if (icon) return this.#serveIcon(icon[1] as string);
    }
    return this.federation.fetch(request, {
      contextData: {},
      onNotFound: () => new Response('Not found.\n', { status: 404 }),
      onNotAcceptable: () => new Response('Not acceptable.\n', { status: 406 }),
    });
  }

  /** A withdrawn group's actor: 410 with a `Tombstone`, while no group holds the handle. */
  async #serveTombstone(handle: string): Promise<Response | undefined> {
    if ((await this.store.group(handle)) !== undefined) return undefined;
    const tombstone = await this.store.tombstone(handle);
    if (tombstone === undefined) return undefined;
    return Response.json(
      {
        '@context': 'https://www.w3.org/ns/activitystreams',
        id: this.#actorUri(handle),
        type: 'Tombstone',
        formerType: 'Group',
        deleted: tombstone.deleted,
      },
      { status: 410, headers: { 'content-type': ACTIVITY_JSON } },
    );
  }

  async #serveProposal(handle: string, eventId: string): Promise<Response> {
    const record = await this.store.proposal(handle, eventId);
    if (record === undefined) return new Response('Not found.\n', { status: 404 });
    return Response.json(this.#proposalDocument(record), { headers: { 'content-type': ACTIVITY_JSON } });
  }

  async #serveModerators(handle: string): Promise<Response> {
    const group = await this.store.group(handle);
    const view = group && (await this.#readGroup(group.spaceId).catch(() => undefined));
    if (!view) return new Response('Not found.\n', { status: 404 });
    const ctx = this.#context();
    const items = moderatorsOf(view).map((userId) => ctx.getActorUri(userId).href);
    return Response.json(
      {
        '@context': 'https://www.w3.org/ns/activitystreams',
        id: `${this.#actorUri(handle)}/moderators`,
        type: 'OrderedCollection',
        totalItems: items.length,
        orderedItems: items,
      },
      { headers: { 'content-type': ACTIVITY_JSON } },
    );
  }

  async #serveIcon(handle: string): Promise<Response> {
    const group = await this.store.group(handle);
    if (group === undefined) return new Response('Not found.\n', { status: 404 });
    const view = await this.#readGroup(group.spaceId).catch(() => undefined);
    const name = view?.profile?.name ?? handle;
    const initials = [...name.split(/\s+/).filter(Boolean)]
      .slice(0, 2)
      .map((word) => [...word][0]?.toUpperCase() ?? '')
      .join('')
      .replace(/[<>&"']/g, '');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256"><rect width="256" height="256" rx="48" fill="#2f6f4f"/><text x="128" y="160" font-family="sans-serif" font-size="96" text-anchor="middle" fill="#fff">${initials}</text></svg>`;
    return new Response(svg, { headers: { 'content-type': 'image/svg+xml' } });
  }

  #proposalDocument(record: ProposalRecord): Record<string, unknown> {
    const actor = this.#actorUri(record.handle);
    return proposalDocument(record.proposal, {
      id: this.#proposalIri(record.handle, record.eventId),
      actor,
      followers: `${actor}/followers`,
      published: record.published,
    });
  }

  // ---------------------------------------------------------------- Matrix side

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
      .then(() => this.#onMatrixEvent(event))
      .catch((error: unknown) => this.#log('error', 'matrix-event-failed', { roomId, ...describe(error) }));
    this.#queues.set(roomId, next);
    return next;
  }

  async #onMatrixEvent(event: Record<string, unknown>): Promise<void> {
    const { room_id: roomId, type, sender, state_key: stateKey } = event;
    if (typeof roomId !== 'string' || typeof type !== 'string' || typeof sender !== 'string') return;
    if (
      type === 'm.room.member' &&
      stateKey === this.#options.botUserId &&
      (event.content as { membership?: unknown } | undefined)?.membership === 'invite'
    ) {
      await this.#enter(roomId, [serverOf(sender) ?? ''].filter(Boolean), event);
      return;
    }
    if (sender === this.#options.botUserId || this.#isGhost(sender)) return;
    const spaceId = (await this.store.spaceOfRoom(roomId)) ?? roomId;
    if (type === ResourceEventTypes.proposal || type === ImagoEventTypes.announcement) {
      await this.#onPublishedEvent(spaceId, roomId, event);
      return;
    }
    if (
      type.startsWith('org.imago.governance.') ||
      type.startsWith('org.matrix.msc3381.poll.') ||
      type === 'm.room.power_levels' ||
      type === 'm.room.encryption' ||
      type === 'org.imago.group'
    ) {
      await this.syncGroup(spaceId);
    }
  }

  #isGhost(userId: string): boolean {
    return userId.startsWith(`@${this.#options.ghostPrefix}`);
  }

  /**
   * Answers an invitation of the bot. Only an Imago group's space is entered (joined, then left
   * again if its state shows no valid `org.imago.group`), and the group's own `chat`, `decisions`
   * and `announcements` rooms, which its space lists. An invitation to another room is left
   * pending (the room is joined when the space that lists it is), so a room that claims a
   * group's space as its parent gets nothing.
   */
  async #enter(roomId: string, via: readonly string[], invite: Record<string, unknown>): Promise<void> {
    const known = await this.store.spaceOfRoom(roomId);
    if (known !== undefined) {
      await joinRoom(this.#bot, roomId, via);
      this.#log('info', 'joined-room', { roomId, spaceId: known });
      await this.syncGroup(known).catch(() => undefined);
      return;
    }
    const stripped = (invite.unsigned as { invite_room_state?: unknown } | undefined)?.invite_room_state;
    const create = Array.isArray(stripped)
      ? (stripped as { type?: unknown; content?: { type?: unknown } }[]).find(
          (e) => e?.type === 'm.room.create',
        )
      : undefined;
    if (create !== undefined && create.content?.type !== 'm.space') {
      this.#log('info', 'invite-pending', { roomId, reason: 'not a space the bot knows' });
      return;
    }
    await joinRoom(this.#bot, roomId, via);
    const state = await fetchRoomState(this.#bot, roomId);
    const isSpace =
      (state.find((e) => e.type === 'm.room.create')?.content as { type?: unknown } | undefined)?.type ===
      'm.space';
    const view = isSpace ? groupFromState(roomId, state) : undefined;
    if (view?.profile === undefined) {
      await leaveRoom(this.#bot, roomId);
      this.#log('warn', 'left-room', { roomId, reason: isSpace ? 'not an Imago group' : 'not a space' });
      return;
    }
    for (const child of view.children) {
      if (child.role !== 'chat' && child.role !== 'decisions' && child.role !== 'announcements') continue;
      await this.store.setSpaceOfRoom(child.roomId, roomId);
      await joinRoom(this.#bot, child.roomId, child.via).catch((error: unknown) =>
        this.#log('info', 'child-room-not-joined', { roomId: child.roomId, ...describe(error) }),
      );
    }
    this.#log('info', 'joined-group', { spaceId: roomId, name: view.profile.name });
    await this.syncGroup(roomId);
  }

  async #readGroup(spaceId: string): Promise<GroupView> {
    return groupFromState(spaceId, await fetchRoomState(this.#bot, spaceId));
  }

  async #decisionsReplay(roomId: string) {
    const log = appendToRoomLog(emptyRoomLog(roomId), await fetchRoomHistory(this.#bot, roomId));
    return replayDecisions(log);
  }

  /**
   * Recomputes a group's publication and the decisions the bridge waits for, from the group's
   * rooms: publishes or withdraws the group, answers followers and agreement offers whose
   * decision has settled, and closes decisions whose period has ended.
   *
   * @param spaceId - the group's space.
   */
  async syncGroup(spaceId: string): Promise<void> {
    const view = await this.#readGroup(spaceId);
    if (view.profile === undefined) return;
    const decisionsRoom = groupRoom(view, 'decisions');
    if (decisionsRoom === undefined) return;
    const replay = await this.#decisionsReplay(decisionsRoom);
    const publication = readPublication(replay.state.decisions.values());
    const existing = await this.store.groupOfSpace(spaceId);
    // An end-to-end encrypted room never has its messages leave in clear: such a group is not
    // shown on the fediverse (and is withdrawn when one of its rooms turns encryption on).
    const encrypted = publication === undefined ? undefined : await this.#encryptedRoom(view, spaceId);
    if (encrypted !== undefined)
      this.#log('warn', 'group-encrypted', { spaceId, roomId: encrypted, handle: publication?.handle });
    if (publication === undefined || encrypted !== undefined) {
      if (existing !== undefined) await this.#withdraw(existing, encrypted ? 'encrypted' : 'decision');
      return;
    }
    const taken = await this.store.group(publication.handle);
    if (taken !== undefined && taken.spaceId !== spaceId) {
      this.#log('warn', 'handle-taken', { spaceId, handle: publication.handle });
      return;
    }
    const chat = groupRoom(view, 'chat');
    const announcements = groupRoom(view, 'announcements');
    const record: GroupRecord = {
      handle: publication.handle,
      spaceId,
      via: [serverOf(spaceId) ?? ''].filter(Boolean),
      ...(chat ? { chat } : {}),
      decisions: decisionsRoom,
      ...(announcements ? { announcements } : {}),
      followers: publication.followers,
      decision: publication.decision,
    };
    if (existing?.handle !== record.handle || existing.followers !== record.followers) {
      if (existing !== undefined && existing.handle !== record.handle)
        await this.#withdraw(existing, 'renamed');
      if (existing?.handle === record.handle) await this.store.saveGroup(record);
      else await this.store.startGroup(record);
      this.#log('info', 'group-published', { spaceId, handle: record.handle, followers: record.followers });
    }
    for (const pending of await this.store.pendingOf(record.handle)) {
      const decision = replay.state.decisions.get(pending.decision);
      if (decision === undefined) continue;
      if (
        decision.status === 'adopted' ||
        decision.status === 'rejected' ||
        decision.status === 'expired' ||
        decision.status === 'withdrawn'
      ) {
        await this.#settle(record, pending, decision.status === 'adopted', decisionsRoom);
      }
      // Open decisions settle when the group's authority closes them (or on approvals): the
      // event reaches the bridge in a transaction and brings it back here.
    }
  }

  /** The first of the group's rooms (its space included) that is end-to-end encrypted. */
  async #encryptedRoom(view: GroupView, spaceId: string): Promise<string | undefined> {
    const rooms = [
      spaceId,
      ...(['chat', 'decisions', 'announcements'] as const).map((role) => groupRoom(view, role)),
    ];
    for (const roomId of new Set(rooms)) {
      if (roomId === undefined) continue;
      const state = await fetchRoomState(this.#bot, roomId);
      if (state.some((e) => e.type === 'm.room.encryption')) return roomId;
    }
    return undefined;
  }

  /**
   * Withdraws a group from the fediverse: its followers are told first (`Delete` of the actor,
   * signed with its key while its actor document can still be fetched to check it; each delivery
   * has its deadline), then its keys, followers, proposals and awaited decisions are deleted and a
   * tombstone answers for its actor (410), so a later group under the same handle inherits none.
   */
  async #withdraw(group: GroupRecord, reason: string): Promise<void> {
    const actor = this.#actorUri(group.handle);
    if ((await this.store.keys(group.handle)) !== undefined) {
      await this.#deliverNow(group.handle, {
        '@context': 'https://www.w3.org/ns/activitystreams',
        id: `${actor}#delete-${crypto.randomUUID()}`,
        type: 'Delete',
        actor,
        object: actor,
        to: [PUBLIC_COLLECTION.href],
        cc: [`${actor}/followers`],
      }).catch((error: unknown) => this.#log('warn', 'delivery-failed', { actor, ...describe(error) }));
    }
    await this.store.withdrawGroup(group, new Date().toISOString());
    this.#log('info', 'group-withdrawn', { spaceId: group.spaceId, handle: group.handle, reason });
  }

  /**
   * A proposal (`org.imago.vf.proposal`) or an announcement (`org.imago.announcement`) in the
   * group's chat or announcements room: the group's when one of its moderators (its
   * attributedTo) posts it; an announcement must be the group's own original (its origin this
   * group and room, not a copy delivered from another group). A proposal, or an announcement
   * carrying one, goes out as a FEP-0837 `Proposal`; another announcement as a `Note`.
   */
  async #onPublishedEvent(spaceId: string, roomId: string, event: RawMatrixEvent): Promise<void> {
    const group = await this.store.groupOfSpace(spaceId);
    if (group === undefined) return;
    if (roomId !== group.chat && roomId !== group.announcements) return;
    const parsed = parseImagoEvent(event, { roomId });
    if (parsed.status !== 'event') return;
    const { eventId, sender, timestamp } = parsed.event;
    if (parsed.event.kind !== 'valueflows' && parsed.event.kind !== 'announcement') return;
    const announcement = parsed.event.kind === 'announcement' ? parsed.event.content : undefined;
    if (
      announcement !== undefined &&
      (announcement.origin.group !== spaceId ||
        announcement.origin.room !== roomId ||
        announcement.origin.event !== undefined)
    ) {
      this.#log('info', 'announcement-relayed', { eventId, origin: announcement.origin.group });
      return;
    }
    const view = await this.#readGroup(spaceId);
    if (!moderatorsOf(view).includes(sender)) {
      this.#log('warn', 'proposal-not-from-moderator', { eventId, sender });
      return;
    }
    const published = new Date(timestamp).toISOString();
    const content = announcement === undefined ? parsed.event.content : announcement.payload;
    let proposal: Proposal | undefined;
    if (content !== undefined) {
      try {
        proposal = parseProposal({ ...content, id: eventId }, 'content');
      } catch (error) {
        this.#log('warn', 'proposal-malformed', { eventId, ...describe(error) });
        if (announcement === undefined) return;
      }
    }
    if (proposal !== undefined) {
      await this.#publishProposal({ handle: group.handle, roomId, eventId, proposal, published });
      return;
    }
    if (announcement === undefined || (await this.store.note(group.handle, eventId)) !== undefined) return;
    const record: NoteRecord = {
      handle: group.handle,
      roomId,
      eventId,
      kind: announcement.kind,
      title: announcement.title,
      ...(announcement.body !== undefined ? { body: announcement.body } : {}),
      published,
    };
    await this.store.saveNote(record);
    const { '@context': context, ...object } = this.#noteDocument(record);
    this.#deliver(group.handle, {
      '@context': context,
      id: `${this.#noteIri(group.handle, eventId)}/create`,
      type: 'Create',
      actor: this.#actorUri(group.handle),
      object,
      to: [PUBLIC_COLLECTION.href],
      cc: [`${this.#actorUri(group.handle)}/followers`],
      published,
    });
    this.#log('info', 'announcement-published', { handle: group.handle, eventId, kind: record.kind });
  }

  async #publishProposal(record: ProposalRecord): Promise<void> {
    if ((await this.store.proposal(record.handle, record.eventId)) !== undefined) return;
    await this.store.saveProposal(record);
    const { '@context': context, ...object } = this.#proposalDocument(record);
    this.#deliver(record.handle, {
      '@context': context,
      id: `${this.#proposalIri(record.handle, record.eventId)}/create`,
      type: 'Create',
      actor: this.#actorUri(record.handle),
      object,
      to: [PUBLIC_COLLECTION.href],
      cc: [`${this.#actorUri(record.handle)}/followers`],
      published: record.published,
    });
    this.#log('info', 'proposal-published', {
      handle: record.handle,
      eventId: record.eventId,
      text: proposalText(record.proposal)[0],
    });
  }

  // ---------------------------------------------------------------- ActivityPub side

  async #follower(actor: Actor | null, id: URL | null): Promise<FollowerRecord | undefined> {
    if (actor === null || actor.id === null || actor.inboxId === null) return undefined;
    if (id !== null && actor.id.href !== id.href) return undefined;
    // The inboxes are the remote server's word: never a target inside the bridge's network.
    const allow = this.#options.allowPrivateAddress ?? false;
    const shared = actor.endpoints?.sharedInbox?.href;
    for (const target of [actor.inboxId.href, ...(shared ? [shared] : [])]) {
      const problem = await targetProblem(target, allow);
      if (problem !== undefined) {
        this.#log('warn', 'actor-inbox-refused', { actor: actor.id.href, inbox: target, problem });
        return undefined;
      }
    }
    return { id: actor.id.href, inbox: actor.inboxId.href, ...(shared ? { sharedInbox: shared } : {}) };
  }

  async #onFollow(handle: string, follow: Follow, json: Record<string, unknown>): Promise<void> {
    const group = await this.store.group(handle);
    if (group === undefined || follow.id === null) return;
    const ctx = this.#context();
    const follower = await this.#follower(await follow.getActor(ctx), follow.actorId);
    if (follower === undefined) {
      this.#log('warn', 'follow-without-actor', { handle, activity: follow.id.href });
      return;
    }
    if (group.followers === 'open') {
      await this.store.addFollower(handle, follower);
      await this.#answer(group, follower, follow, true);
      this.#log('info', 'follow-accepted', { handle, follower: follower.id });
      return;
    }
    if (group.decisions === undefined) return;
    // One decision per follower: a repeated Follow while one is open, or from a follower the
    // group already accepted, proposes nothing again.
    if ((await this.store.followers(handle)).some((f) => f.id === follower.id)) {
      await this.#answer(group, follower, follow, true);
      this.#log('info', 'follow-accepted', { handle, follower: follower.id, already: true });
      return;
    }
    const open = (await this.store.pendingOf(handle)).find(
      (p) => p.kind === 'follower' && p.follower.id === follower.id,
    );
    if (open !== undefined) {
      this.#log('info', 'follow-already-proposed', {
        handle,
        follower: follower.id,
        decision: open.decision,
      });
      return;
    }
    const decision = await propose(this.#bot, group.decisions, {
      kind: ActivitypubActionKinds.follower,
      title: `Accept ${follower.id} as a follower on the fediverse`,
      action: { actor: follower.id, activity: follow.id.href },
    });
    await this.store.savePending({ kind: 'follower', handle, decision, activity: json, follower });
    this.#log('info', 'follow-proposed', { handle, follower: follower.id, decision });
  }

  async #onUndo(recipient: string | null, undo: Undo): Promise<void> {
    const object = await undo.getObject(this.#context()).catch(() => null);
    if (!(object instanceof Follow) || undo.actorId === null || object.actorId?.href !== undo.actorId.href)
      return;
    // Through the shared inbox there is no recipient: the undone Follow names the group.
    const prefix = `${this.#options.origin}/actors/`;
    const followed = object.objectId?.href;
    const handle = recipient ?? (followed?.startsWith(prefix) ? followed.slice(prefix.length) : undefined);
    if (handle === undefined || (await this.store.group(handle)) === undefined) return;
    await this.store.removeFollower(handle, undo.actorId.href);
    this.#log('info', 'follow-undone', { handle, follower: undo.actorId.href });
  }

  /** Sends Accept or Reject of `activity` to `to`, from the group. */
  async #answer(
    group: GroupRecord,
    to: FollowerRecord,
    activity: Follow | Offer,
    accept: boolean,
  ): Promise<void> {
    const ctx = this.#context();
    const values = {
      id: new URL(`${this.#actorUri(group.handle)}/answers/${crypto.randomUUID()}`),
      actor: new URL(this.#actorUri(group.handle)),
      object: activity,
      to: new URL(to.id),
    };
    const answer = accept ? new Accept(values) : new Reject(values);
    await ctx.sendActivity(
      { identifier: group.handle },
      { id: new URL(to.id), inboxId: new URL(to.inbox) },
      answer,
    );
  }

  #proposalOf(iri: string): { handle: string; eventId: string } | undefined {
    const prefix = `${this.#options.origin}/groups/`;
    if (!iri.startsWith(prefix)) return undefined;
    const match = PROPOSAL_PATH.exec(iri.slice(this.#options.origin.length));
    return match
      ? { handle: match[1] as string, eventId: decodeURIComponent(match[2] as string) }
      : undefined;
  }

  async #onCreate(create: Create, json: Record<string, unknown>): Promise<void> {
    const parsed = parseReplyNote(json);
    if (!parsed.ok) {
      this.#log('warn', 'create-ignored', { path: parsed.error.path, code: parsed.error.code });
      return;
    }
    const reply = parsed.value;
    if (create.actorId?.href !== reply.actor) return;
    const target = this.#proposalOf(reply.inReplyTo);
    if (target === undefined) return;
    const record = await this.store.proposal(target.handle, target.eventId);
    const group = await this.store.group(target.handle);
    if (record === undefined || group === undefined) return;
    const groupIri = this.#actorUri(group.handle);
    if (reply.audience.length > 0 && !reply.audience.includes(groupIri)) return;
    if ((await this.store.bridged(reply.activity)) !== undefined) return;
    const ctx = this.#context();
    const author = await create.getActor(ctx).catch(() => null);
    const ghost = await this.#ghost(reply.actor, author);
    await admitToRoom(this.#bot, ghost, record.roomId, group.via);
    const eventId = await sendThreadMessage(
      ghost,
      record.roomId,
      record.eventId,
      { body: reply.text },
      { [ORIGIN_KEY]: { activity: reply.activity, actor: reply.actor, object: reply.note } },
    );
    await this.store.saveBridged(reply.activity, eventId);
    this.#log('info', 'reply-bridged', { handle: group.handle, activity: reply.activity, eventId });
    // FEP-1b12: the group announces what it accepts to its followers, the activity unchanged;
    // a reply not addressed to the public keeps its audience and is not announced.
    if (!reply.public) {
      this.#log('info', 'reply-not-announced', { handle: group.handle, activity: reply.activity });
      return;
    }
    this.#deliver(group.handle, {
      '@context': 'https://www.w3.org/ns/activitystreams',
      id: `${groupIri}/announces/${crypto.randomUUID()}`,
      type: 'Announce',
      actor: groupIri,
      object: json,
      to: [PUBLIC_COLLECTION.href],
      cc: [`${groupIri}/followers`],
    });
  }

  /**
   * Delivers an activity to the group's followers exactly as written (one request per inbox,
   * shared inboxes preferred), signed with the group's key (draft-cavage HTTP signatures).
   * Fedify's own sending re-compacts activities with its context, which would rewrite FEP-0837's
   * terms (`purpose`, `publishes`…) as full IRIs and change an announced activity; so proposals
   * and announces go out this way, everything else through Fedify. The deliveries run beside the
   * room's queue (a slow inbox holds up no Matrix event) within {@link deliverToInboxes}' limits;
   * {@link ActivityPubBridge.idle} waits for them.
   */
  #deliver(handle: string, activity: Record<string, unknown>): void {
    const delivery = this.#deliverNow(handle, activity).catch((error: unknown) =>
      this.#log('error', 'delivery-failed', { id: activity.id, ...describe(error) }),
    );
    this.#deliveries.add(delivery);
    void delivery.finally(() => this.#deliveries.delete(delivery));
  }

  async #deliverNow(handle: string, activity: Record<string, unknown>): Promise<void> {
    const followers = await this.store.followers(handle);
    if (followers.length === 0) return;
    const privateKey = (await keysOf({ store: this.store }, handle))[0]?.privateKey;
    if (privateKey === undefined) return;
    const keyId = new URL(`${this.#actorUri(handle)}#main-key`);
    const results = await deliverToInboxes(
      followers.map((f) => f.sharedInbox ?? f.inbox),
      JSON.stringify(activity),
      (request) => signRequest(request, privateKey, keyId, { spec: 'draft-cavage-http-signatures-12' }),
      {
        ...this.#options.delivery,
        ...(this.#options.allowPrivateAddress !== undefined
          ? { allowPrivateAddress: this.#options.allowPrivateAddress }
          : {}),
      },
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

  async #ghost(actorId: string, actor: Actor | null): Promise<MatrixClient> {
    const cached = this.#ghosts.get(actorId);
    if (cached) return cached;
    const known = await this.store.ghost(actorId);
    const localpart = `${this.#options.ghostPrefix}${await ghostSuffix(actorId)}`;
    const userId = known ?? (await registerAppserviceUser(this.#options.homeserver, localpart));
    const client = createAppserviceClient({ ...this.#matrix(), userId });
    if (known === undefined) {
      await this.store.saveGhost(actorId, userId);
      const handle = actor?.preferredUsername?.toString();
      const name = actor?.name?.toString() ?? handle ?? actorId;
      await setDisplayName(client, `${name} (${new URL(actorId).host})`.slice(0, 200)).catch(() => undefined);
    }
    this.#ghosts.set(actorId, client);
    return client;
  }

  async #onOffer(offer: Offer, json: Record<string, unknown>): Promise<void> {
    const parsed = parseAgreementOffer(json);
    if (!parsed.ok) {
      this.#log('warn', 'offer-ignored', { path: parsed.error.path, code: parsed.error.code });
      return;
    }
    const terms = parsed.value;
    if (offer.actorId?.href !== terms.actor) return;
    const intent = readIntentIri(terms.satisfies);
    const target = intent && this.#proposalOf(intent.proposal);
    const record = target && (await this.store.proposal(target.handle, target.eventId));
    const group = target && (await this.store.group(target.handle));
    if (!record || !group || group.decisions === undefined) {
      this.#log('warn', 'offer-unknown-proposal', { satisfies: terms.satisfies });
      return;
    }
    const ctx = this.#context();
    const actor = await this.#follower(await offer.getActor(ctx), offer.actorId);
    if (actor === undefined) return;
    if ((await this.store.bridged(terms.offer)) !== undefined) return;
    const problem =
      intent?.role !== 'primary' || intent.index !== 0
        ? 'not-primary-intent'
        : await this.#termsProblem(record, group, terms.offer, terms.actor, terms.quantity);
    if (problem !== undefined) {
      await this.store.saveBridged(terms.offer, 'rejected');
      await this.#answer(group, actor, offer, false);
      this.#log('info', 'offer-rejected', { handle: group.handle, offer: terms.offer, reason: problem });
      return;
    }
    const decision = await propose(this.#bot, group.decisions, {
      kind: ActivitypubActionKinds.agreement,
      title: `Agreement with ${terms.actor}: ${record.proposal.name ?? proposalText(record.proposal)[0]}`,
      action: {
        offer: terms.offer,
        actor: terms.actor,
        proposal: record.eventId,
        ...(terms.quantity
          ? {
              quantity: {
                hasUnit: terms.quantity.hasUnit,
                hasNumericalValue: String(terms.quantity.hasNumericalValue),
              },
            }
          : {}),
      },
    });
    await this.store.saveBridged(terms.offer, decision);
    await this.store.savePending({
      kind: 'agreement',
      handle: group.handle,
      decision,
      activity: json,
      actor,
      proposal: record.eventId,
      ...(terms.quantity ? { quantity: terms.quantity } : {}),
    });
    this.#log('info', 'offer-proposed', { handle: group.handle, offer: terms.offer, decision });
  }

  /**
   * What remains of a proposal after the agreements the group adopted (records whose decision is
   * an adopted agreement decision of this group), and whether the new terms fit it.
   */
  async #remaining(
    record: ProposalRecord,
    group: GroupRecord,
  ): Promise<{ proposal: Proposal; origins: Set<string> }> {
    let proposal = record.proposal;
    const origins = new Set<string>();
    if (group.decisions === undefined) return { proposal, origins };
    const replay = await this.#decisionsReplay(group.decisions);
    // A record is its sender's claim: only the bridge (which records what the group adopted) and
    // the group's authority keep the ledger; anyone else's record counts for nothing.
    const view = await this.#readGroup(group.spaceId);
    const keepers = new Set([this.#options.botUserId, ...(view.authority?.authority ?? [])]);
    const log = appendToRoomLog(
      emptyRoomLog(record.roomId),
      await fetchRoomHistory(this.#bot, record.roomId),
    );
    for (const agreement of readAgreementRecords(log).records) {
      if (!keepers.has(agreement.sender)) continue;
      const decision = replay.state.decisions.get(agreement.decision);
      if (decision?.kind !== ActivitypubActionKinds.agreement || decision.status !== 'adopted') continue;
      if (agreement.agreement.proposal !== record.eventId || agreement.origin === undefined) continue;
      if (origins.has(agreement.origin)) continue;
      const action = decision.action as { offer?: unknown };
      if (action.offer !== agreement.origin) continue;
      const commitment = agreement.commitments[0];
      const quantity = commitment?.resourceQuantity ?? commitment?.effortQuantity;
      try {
        proposal = acceptProposal(proposal, {
          agreementId: agreement.agreement.id,
          counterparty: commitment?.receiver ?? agreement.origin,
          ...(quantity ? { quantity } : {}),
        }).proposal;
        origins.add(agreement.origin);
      } catch {
        // A record that no longer fits changes nothing.
      }
    }
    return { proposal, origins };
  }

  async #termsProblem(
    record: ProposalRecord,
    group: GroupRecord,
    offer: string,
    counterparty: string,
    quantity: Measure | undefined,
  ): Promise<string | undefined> {
    const { proposal } = await this.#remaining(record, group);
    try {
      acceptProposal(proposal, { agreementId: offer, counterparty, ...(quantity ? { quantity } : {}) });
      return undefined;
    } catch (error) {
      if (ValueflowsError.isInstance(error)) return (error as { rule?: string }).rule ?? error.code;
      throw error;
    }
  }

  async #settle(
    group: GroupRecord,
    pending: NonNullable<Awaited<ReturnType<BridgeStore['pending']>>>,
    adopted: boolean,
    decisionsRoom: string,
  ): Promise<void> {
    const ctx = this.#context();
    if (pending.kind === 'follower') {
      const follow = await Follow.fromJsonLd(pending.activity, ctx);
      if (adopted) await this.store.addFollower(group.handle, pending.follower);
      await this.#answer(group, pending.follower, follow, adopted);
      await this.store.deletePending(pending.decision);
      this.#log('info', adopted ? 'follow-accepted' : 'follow-rejected', {
        handle: group.handle,
        follower: pending.follower.id,
        decision: pending.decision,
      });
      return;
    }
    const offer = await Offer.fromJsonLd(pending.activity, ctx);
    const offerId = offer.id?.href ?? '';
    let accept = adopted;
    const record = await this.store.proposal(group.handle, pending.proposal);
    if (adopted && record !== undefined) {
      const { proposal, origins } = await this.#remaining(record, group);
      if (!origins.has(offerId)) {
        try {
          const accepted = acceptProposal(proposal, {
            agreementId: offerId,
            counterparty: pending.actor.id,
            ...(pending.quantity ? { quantity: pending.quantity } : {}),
            created: new Date().toISOString(),
          });
          await recordAgreement(this.#bot, record.roomId, {
            agreement: accepted.agreement,
            commitments: accepted.commitments,
            decision: pending.decision,
            origin: offerId,
          });
        } catch (error) {
          if (!ValueflowsError.isInstance(error)) throw error;
          accept = false;
        }
      }
    } else if (record === undefined) {
      accept = false;
    }
    await this.#answer(group, pending.actor, offer, accept);
    await this.store.deletePending(pending.decision);
    this.#log('info', accept ? 'offer-accepted' : 'offer-rejected', {
      handle: group.handle,
      offer: offerId,
      decision: pending.decision,
      room: decisionsRoom,
    });
  }
}

/** Members with power to speak for the group in its space: moderators and administrators. */
function moderatorsOf(view: GroupView): string[] {
  return view.members.filter((m) => m.role === 'moderator' || m.role === 'admin').map((m) => m.userId);
}

function serverOf(id: string): string | undefined {
  const colon = id.indexOf(':');
  return colon < 0 ? undefined : id.slice(colon + 1);
}

/** A stable, readable localpart suffix for a remote actor: its host and a digest of its IRI. */
async function ghostSuffix(actorId: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(actorId)));
  const hex = Array.from(digest.slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
  const host = new URL(actorId).host.toLowerCase().replace(/[^a-z0-9.=-]/g, '=');
  return `${host}_${hex}`;
}
