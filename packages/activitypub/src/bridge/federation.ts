/**
 * @module
 * The ActivityPub side on Fedify: WebFinger and actor documents for published groups (FEP-1b12
 * `Group` actors with RSA keys for HTTP signatures and Ed25519 keys for FEP-8b32 proofs), their
 * followers and outbox collections, and the inbox listeners, which hand verified activities to
 * the bridge. Fedify verifies every incoming signature; the bridge never sees an unverified one.
 */
import {
  createFederation,
  exportJwk,
  type Federation,
  generateCryptoKeyPair,
  importJwk,
  type KvStore,
} from '@fedify/fedify';
import {
  Accept,
  Create,
  Endpoints,
  Follow,
  Group,
  Image,
  Link,
  Offer,
  Person,
  Place,
  Undo,
} from '@fedify/fedify/vocab';
import type { GroupProfile } from '@imago/matrix-binding';
import { actorProfileFields } from '../mapping/group-profile-fields';
import type { BridgeStore, GroupRecord, StoredKeys } from './bridge-store';

/** What each request carries into Fedify's callbacks. */
export interface RequestData {
  /** The inbox request's body as received (parsed), for listeners that keep the original. */
  readonly json?: Record<string, unknown>;
}

/** What the federation asks of the bridge. */
export interface FederationHost {
  readonly store: BridgeStore;
  /** The group's current profile and moderators (user ids), read from Matrix. */
  groupView(
    group: GroupRecord,
  ): Promise<{ profile?: GroupProfile; moderators: readonly string[] } | undefined>;
  /** Whether a Matrix user moderates a published group (only those get a `Person` document). */
  isModerator(userId: string): Promise<boolean>;
  /** Takes a token of the rate limit of a verified actor's server; `false` drops the activity. */
  admitActor(actor: URL): boolean;
  onFollow(handle: string, follow: Follow, json: Record<string, unknown>): Promise<void>;
  /** An `Undo`, to the group's inbox (`handle`) or to the shared inbox (`null`). */
  onUndo(handle: string | null, undo: Undo): Promise<void>;
  onCreate(handle: string | null, create: Create, json: Record<string, unknown>): Promise<void>;
  onOffer(handle: string | null, offer: Offer, json: Record<string, unknown>): Promise<void>;
  onError(error: unknown): void;
}

/** Options of {@link buildFederation}. */
export interface BuildFederationOptions {
  readonly kv: KvStore;
  /** The bridge's public base URL. */
  readonly origin: string;
  /** Allow `http:` and loopback peers (tests, the demo); never in production. */
  readonly allowPrivateAddress?: boolean;
  /** Age limit of incoming HTTP signatures, in ms (default one hour). */
  readonly signatureWindowMs?: number;
}

const MATRIX_USER = /^@[a-z0-9._=/+-]{1,255}:[A-Za-z0-9.:[\]-]{1,255}$/;

/**
 * The group's key pairs (RSA for HTTP signatures, Ed25519 for FEP-8b32 proofs), made on first use.
 *
 * @param host - the bridge (its store).
 * @param handle - the group.
 * @returns the RSA pair, then the Ed25519 pair.
 */
export async function keysOf(host: Pick<FederationHost, 'store'>, handle: string) {
  let stored = await host.store.keys(handle);
  if (stored === undefined) {
    const rsa = await generateCryptoKeyPair('RSASSA-PKCS1-v1_5');
    const ed25519 = await generateCryptoKeyPair('Ed25519');
    const fresh: StoredKeys = {
      rsa: { privateKey: await exportJwk(rsa.privateKey), publicKey: await exportJwk(rsa.publicKey) },
      ed25519: {
        privateKey: await exportJwk(ed25519.privateKey),
        publicKey: await exportJwk(ed25519.publicKey),
      },
    };
    await host.store.saveKeys(handle, fresh);
    stored = fresh;
  }
  return [
    {
      privateKey: await importJwk(stored.rsa.privateKey, 'private'),
      publicKey: await importJwk(stored.rsa.publicKey, 'public'),
    },
    {
      privateKey: await importJwk(stored.ed25519.privateKey, 'private'),
      publicKey: await importJwk(stored.ed25519.publicKey, 'public'),
    },
  ];
}

/**
 * The group's `Group` actor.
 */
async function groupActor(
  ctx: Parameters<Parameters<Federation<RequestData>['setActorDispatcher']>[1]>[0],
  host: FederationHost,
  group: GroupRecord,
): Promise<Group | null> {
  const view = await host.groupView(group);
  if (view === undefined) return null;
  const fields = view.profile === undefined ? undefined : actorProfileFields(view.profile);
  const keys = await ctx.getActorKeyPairs(group.handle);
  const origin = ctx.origin;
  return new Group({
    id: ctx.getActorUri(group.handle),
    preferredUsername: group.handle,
    name: fields?.name ?? group.handle,
    ...(fields?.summary ? { summary: fields.summary } : {}),
    url: new URL(`https://matrix.to/#/${encodeURIComponent(group.spaceId)}`),
    inbox: ctx.getInboxUri(group.handle),
    outbox: ctx.getOutboxUri(group.handle),
    followers: ctx.getFollowersUri(group.handle),
    endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
    manuallyApprovesFollowers: group.followers === 'decided',
    // FEP-1b12: the group's moderators are its attributedTo collection.
    attribution: new URL(`${origin}/actors/${group.handle}/moderators`),
    publicKey: keys[0]?.cryptographicKey ?? null,
    assertionMethods: keys.map((key) => key.multikey),
    ...(fields?.location
      ? {
          location: new Place({
            latitude: fields.location.latitude,
            longitude: fields.location.longitude,
          }),
        }
      : {}),
    tags: (fields?.tag ?? []).map(
      (link) => new Link({ href: new URL(link.href), name: link.name, rel: link.rel }),
    ),
    attachments: (fields?.attachment ?? []).map(
      (link) => new Link({ href: new URL(link.href), name: link.name, rel: link.rel }),
    ),
    icon: new Image({
      url: new URL(`${origin}/actors/${group.handle}/icon.svg`),
      mediaType: 'image/svg+xml',
    }),
  });
}

/**
 * Builds the Fedify federation of the bridge.
 *
 * @param host - the bridge (records, Matrix views, activity handlers).
 * @param options - key–value store, origin, loopback allowance.
 * @returns the federation.
 */
export function buildFederation(
  host: FederationHost,
  options: BuildFederationOptions,
): Federation<RequestData> {
  const federation = createFederation<RequestData>({
    kv: options.kv,
    origin: options.origin,
    allowPrivateAddress: options.allowPrivateAddress ?? false,
    signatureTimeWindow: { seconds: Math.ceil((options.signatureWindowMs ?? 3_600_000) / 1000) },
    // Most servers still speak draft-cavage; Fedify falls back to RFC 9421 when refused.
    firstKnock: 'draft-cavage-http-signatures-12',
  });

  federation
    .setActorDispatcher('/actors/{identifier}', async (ctx, identifier) => {
      if (MATRIX_USER.test(identifier)) {
        if (!(await host.isModerator(identifier))) return null;
        return new Person({
          id: ctx.getActorUri(identifier),
          preferredUsername: identifier.slice(1, identifier.indexOf(':')),
          name: identifier,
          url: new URL(`https://matrix.to/#/${encodeURIComponent(identifier)}`),
          inbox: ctx.getInboxUri(identifier),
        });
      }
      const group = await host.store.group(identifier);
      return group === undefined ? null : groupActor(ctx, host, group);
    })
    .setKeyPairsDispatcher(async (_ctx, identifier) => {
      if (MATRIX_USER.test(identifier)) return [];
      return (await host.store.group(identifier)) === undefined ? [] : keysOf(host, identifier);
    });

  federation.setFollowersDispatcher('/actors/{identifier}/followers', async (_ctx, identifier) => {
    const followers = await host.store.followers(identifier);
    return {
      items: followers.map((f) => ({
        id: new URL(f.id),
        inboxId: new URL(f.inbox),
        endpoints: f.sharedInbox ? { sharedInbox: new URL(f.sharedInbox) } : null,
      })),
    };
  });

  federation.setOutboxDispatcher('/actors/{identifier}/outbox', async (ctx, identifier) => {
    const records = await host.store.proposals(identifier);
    const items: Create[] = [];
    for (const record of records) {
      items.push(
        new Create({
          id: new URL(
            `${ctx.origin}/groups/${identifier}/proposals/${encodeURIComponent(record.eventId)}/create`,
          ),
          actor: ctx.getActorUri(identifier),
          object: new URL(
            `${ctx.origin}/groups/${identifier}/proposals/${encodeURIComponent(record.eventId)}`,
          ),
        }),
      );
    }
    return { items };
  });

  // Fedify calls a listener only once the signature is verified and its key's owner is the
  // activity's actor: from here on, the actor's server is known, and rate-limited as such.
  const admitted = (activity: { actorId: URL | null }) =>
    activity.actorId !== null && host.admitActor(activity.actorId);
  federation
    .setInboxListeners('/actors/{identifier}/inbox', '/inbox')
    .on(Follow, async (ctx, follow) => {
      if (!admitted(follow)) return;
      const target = follow.objectId === null ? undefined : ctx.parseUri(follow.objectId);
      if (target?.type !== 'actor') return;
      await host.onFollow(target.identifier, follow, ctx.data.json ?? {});
    })
    .on(Undo, async (ctx, undo) => {
      if (!admitted(undo)) return;
      await host.onUndo(ctx.recipient, undo);
    })
    .on(Create, async (ctx, create) => {
      if (!admitted(create)) return;
      await host.onCreate(ctx.recipient, create, ctx.data.json ?? {});
    })
    .on(Offer, async (ctx, offer) => {
      if (!admitted(offer)) return;
      await host.onOffer(ctx.recipient, offer, ctx.data.json ?? {});
    })
    .on(Accept, async () => {
      // Accepts of the group's own activities need nothing.
    })
    .onError((_ctx, error) => host.onError(error));

  return federation;
}
