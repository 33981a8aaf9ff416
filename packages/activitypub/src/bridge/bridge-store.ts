/**
 * @module
 * What the bridge remembers, in the same key–value store as Fedify (so one persistent store keeps
 * both): the published groups and their keys, followers, published proposals, decisions it
 * waits for, ghost users, and the remote activities already brought into Matrix.
 */
import type { KvKey, KvStore } from '@fedify/fedify';
import type { Proposal } from '@imago/valueflows';
import type { FollowerPolicy } from '../vocabulary/action-kinds';

/** A group shown on the fediverse. */
export interface GroupRecord {
  readonly handle: string;
  readonly spaceId: string;
  readonly via: readonly string[];
  readonly chat?: string;
  readonly decisions?: string;
  readonly announcements?: string;
  readonly followers: FollowerPolicy;
  /** The adopting decision. */
  readonly decision: string;
}

/** What stays of a withdrawn group: its handle and when it went. */
export interface Tombstone {
  readonly handle: string;
  /** ISO 8601. */
  readonly deleted: string;
}

/** A follower of a group. */
export interface FollowerRecord {
  readonly id: string;
  readonly inbox: string;
  readonly sharedInbox?: string;
}

/** A proposal the group published on the fediverse. */
export interface ProposalRecord {
  readonly handle: string;
  readonly roomId: string;
  /** The Matrix event that carried it (its ValueFlows id). */
  readonly eventId: string;
  readonly proposal: Proposal;
  readonly published: string;
}

/** An announcement of the group without a proposal, published as a `Note`. */
export interface NoteRecord {
  readonly handle: string;
  readonly roomId: string;
  /** The Matrix event that carried it. */
  readonly eventId: string;
  readonly kind: string;
  readonly title: string;
  readonly body?: string;
  readonly published: string;
}

/** A decision the bridge proposed and waits for. */
export type PendingDecision =
  | {
      readonly kind: 'follower';
      readonly handle: string;
      readonly decision: string;
      /** The `Follow` activity as received. */
      readonly activity: Record<string, unknown>;
      readonly follower: FollowerRecord;
    }
  | {
      readonly kind: 'agreement';
      readonly handle: string;
      readonly decision: string;
      /** The `Offer` activity as received. */
      readonly activity: Record<string, unknown>;
      readonly actor: FollowerRecord;
      readonly proposal: string;
      readonly quantity?: { readonly hasNumericalValue: number; readonly hasUnit: string };
    };

/** Serialised key pairs of a group actor (JWK). */
export interface StoredKeys {
  readonly rsa: { readonly privateKey: JsonWebKey; readonly publicKey: JsonWebKey };
  readonly ed25519: { readonly privateKey: JsonWebKey; readonly publicKey: JsonWebKey };
}

const PREFIX = 'imago';

/** Typed access to the bridge's records. */
export class BridgeStore {
  constructor(readonly kv: KvStore) {}

  #get<T>(key: KvKey): Promise<T | undefined> {
    return this.kv.get<T>([PREFIX, ...key]);
  }

  #set(key: KvKey, value: unknown): Promise<void> {
    return this.kv.set([PREFIX, ...key], value);
  }

  #delete(key: KvKey): Promise<void> {
    return this.kv.delete([PREFIX, ...key]);
  }

  group(handle: string): Promise<GroupRecord | undefined> {
    return this.#get(['group', handle]);
  }

  async groupOfSpace(spaceId: string): Promise<GroupRecord | undefined> {
    const handle = await this.#get<string>(['space', spaceId]);
    return handle === undefined ? undefined : this.group(handle);
  }

  async saveGroup(group: GroupRecord): Promise<void> {
    await this.#set(['group', group.handle], group);
    await this.#set(['space', group.spaceId], group.handle);
  }

  /**
   * Publishes a group under a handle it did not have: whatever an earlier holder of the handle
   * left (keys, followers, proposals, awaited decisions, its tombstone) is cleared first, so the
   * new group inherits nothing, even from a withdrawal that stopped half-way.
   */
  async startGroup(group: GroupRecord): Promise<void> {
    await this.#clearHandle(group.handle);
    await this.#delete(['tombstone', group.handle]);
    await this.saveGroup(group);
  }

  /**
   * Withdraws a group: its record goes first (nothing more is accepted for it), then its keys,
   * followers, proposals and awaited decisions; a tombstone stays for its actor.
   */
  async withdrawGroup(group: GroupRecord, deleted: string): Promise<void> {
    await this.#set(['tombstone', group.handle], { handle: group.handle, deleted } satisfies Tombstone);
    await this.#delete(['group', group.handle]);
    if ((await this.#get<string>(['space', group.spaceId])) === group.handle)
      await this.#delete(['space', group.spaceId]);
    await this.#clearHandle(group.handle);
  }

  async #clearHandle(handle: string): Promise<void> {
    await this.#delete(['keys', handle]);
    await this.#delete(['followers', handle]);
    const published: KvKey[] = [];
    for await (const entry of this.kv.list([PREFIX, 'proposal', handle])) published.push(entry.key);
    for await (const entry of this.kv.list([PREFIX, 'note', handle])) published.push(entry.key);
    for (const key of published) await this.kv.delete(key);
    for (const pending of await this.pendingOf(handle)) await this.deletePending(pending.decision);
  }

  /** The tombstone of a withdrawn group's handle. */
  tombstone(handle: string): Promise<Tombstone | undefined> {
    return this.#get(['tombstone', handle]);
  }

  /** The space a room belongs to, as the bridge learnt when it joined. */
  spaceOfRoom(roomId: string): Promise<string | undefined> {
    return this.#get(['room', roomId]);
  }

  setSpaceOfRoom(roomId: string, spaceId: string): Promise<void> {
    return this.#set(['room', roomId], spaceId);
  }

  keys(handle: string): Promise<StoredKeys | undefined> {
    return this.#get(['keys', handle]);
  }

  saveKeys(handle: string, keys: StoredKeys): Promise<void> {
    return this.#set(['keys', handle], keys);
  }

  async followers(handle: string): Promise<readonly FollowerRecord[]> {
    return (await this.#get<FollowerRecord[]>(['followers', handle])) ?? [];
  }

  async addFollower(handle: string, follower: FollowerRecord): Promise<void> {
    const list = (await this.followers(handle)).filter((f) => f.id !== follower.id);
    await this.#set(['followers', handle], [...list, follower]);
  }

  async removeFollower(handle: string, id: string): Promise<void> {
    await this.#set(
      ['followers', handle],
      (await this.followers(handle)).filter((f) => f.id !== id),
    );
  }

  proposal(handle: string, eventId: string): Promise<ProposalRecord | undefined> {
    return this.#get(['proposal', handle, eventId]);
  }

  async proposals(handle: string): Promise<ProposalRecord[]> {
    const records: ProposalRecord[] = [];
    for await (const entry of this.kv.list([PREFIX, 'proposal', handle])) {
      records.push(entry.value as ProposalRecord);
    }
    return records.sort((a, b) => a.published.localeCompare(b.published));
  }

  saveProposal(record: ProposalRecord): Promise<void> {
    return this.#set(['proposal', record.handle, record.eventId], record);
  }

  note(handle: string, eventId: string): Promise<NoteRecord | undefined> {
    return this.#get(['note', handle, eventId]);
  }

  saveNote(record: NoteRecord): Promise<void> {
    return this.#set(['note', record.handle, record.eventId], record);
  }

  pending(decision: string): Promise<PendingDecision | undefined> {
    return this.#get(['pending', decision]);
  }

  async pendingOf(handle: string): Promise<PendingDecision[]> {
    const list: PendingDecision[] = [];
    for await (const entry of this.kv.list([PREFIX, 'pending'])) {
      const pending = entry.value as PendingDecision;
      if (pending.handle === handle) list.push(pending);
    }
    return list;
  }

  savePending(pending: PendingDecision): Promise<void> {
    return this.#set(['pending', pending.decision], pending);
  }

  deletePending(decision: string): Promise<void> {
    return this.#delete(['pending', decision]);
  }

  ghost(actor: string): Promise<string | undefined> {
    return this.#get(['ghost', actor]);
  }

  saveGhost(actor: string, userId: string): Promise<void> {
    return this.#set(['ghost', actor], userId);
  }

  /** The Matrix event a remote activity became, if it was already brought in. */
  bridged(activity: string): Promise<string | undefined> {
    return this.#get(['bridged', activity]);
  }

  saveBridged(activity: string, eventId: string): Promise<void> {
    return this.#set(['bridged', activity], eventId);
  }

  async signatureSeen(signature: string, now: number): Promise<boolean> {
    const until = await this.#get<number>(['signature', signature]);
    return until !== undefined && until > now;
  }

  rememberSignature(signature: string, until: number): Promise<void> {
    return this.#set(['signature', signature], until);
  }
}
