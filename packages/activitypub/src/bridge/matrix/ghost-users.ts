/**
 * @module
 * Ghost users: the Matrix users in the application service's exclusive namespace that speak for
 * remote actors in a group's rooms, one per actor IRI, registered on first use and named after the
 * actor and its server.
 */
import type { Actor } from '@fedify/fedify/vocab';
import { registerAppserviceUser, setDisplayName } from '@imago/matrix-binding';
import type { BridgeLog } from '../bridge-log';
import type { BridgeStore } from '../bridge-store';
import { appserviceClient, type MatrixClient } from './appservice-client';

/** What {@link GhostUsers} needs. */
export interface GhostUsersOptions {
  /** Where each actor's ghost is remembered. */
  readonly store: BridgeStore;
  /** The homeserver and the application service's token. */
  readonly homeserver: { readonly baseUrl: string; readonly asToken: string };
  /** The localpart prefix of the service's namespace (`_ap_`). */
  readonly prefix: string;
  readonly log: BridgeLog;
}

/** The ghost users of remote actors, and their clients. */
export class GhostUsers {
  readonly #clients = new Map<string, MatrixClient>();
  readonly #options: GhostUsersOptions;

  constructor(options: GhostUsersOptions) {
    this.#options = options;
  }

  /**
   * Whether a Matrix user is in the ghosts' namespace.
   *
   * @param userId - the user.
   * @returns `true` for a ghost's id.
   */
  isGhost(userId: string): boolean {
    return userId.startsWith(`@${this.#options.prefix}`);
  }

  /**
   * The client of a remote actor's ghost, registered (and named) the first time.
   *
   * @param actorId - the actor's IRI (verified).
   * @param actor - its document, for the display name, when it could be read.
   * @returns the ghost's client.
   */
  async of(actorId: string, actor: Actor | null): Promise<MatrixClient> {
    const cached = this.#clients.get(actorId);
    if (cached) return cached;
    const { store, homeserver, prefix, log } = this.#options;
    const known = await store.ghost(actorId);
    const localpart = `${prefix}${await ghostSuffix(actorId)}`;
    const userId = known ?? (await registerAppserviceUser(homeserver, localpart));
    const client = appserviceClient(homeserver, log, userId);
    if (known === undefined) {
      await store.saveGhost(actorId, userId);
      const handle = actor?.preferredUsername?.toString();
      const name = actor?.name?.toString() ?? handle ?? actorId;
      await setDisplayName(client, `${name} (${new URL(actorId).host})`.slice(0, 200)).catch(() => undefined);
    }
    this.#clients.set(actorId, client);
    return client;
  }
}

/** A stable, readable localpart suffix for a remote actor: its host and a digest of its IRI. */
async function ghostSuffix(actorId: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(actorId)));
  const hex = Array.from(digest.slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
  const host = new URL(actorId).host.toLowerCase().replace(/[^a-z0-9.=-]/g, '=');
  return `${host}_${hex}`;
}
