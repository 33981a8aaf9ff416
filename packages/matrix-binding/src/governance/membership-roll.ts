/**
 * @module
 * Who counts as a member of a group's governance: the roll a decisions room's replay feeds to
 * @imago/governance at each event. Being joined to the decisions room is not enough — a homeserver
 * lets in whoever its join rules and invitations let in, and a room version 12 creator or the
 * authority could invite anyone. A joined user counts when the group admitted them:
 *
 * - the group's authority in force, always;
 * - the founders: the room's creators and whoever was joined or invited when the control table
 *   was set (`init`), as the founding event itself names the founding authority;
 * - in an open group — its decisions room was `public` when the table was set, and has stayed
 *   so — whoever joins;
 * - anyone else only once a decision of kind `admit-member` (action `{ user }`) was adopted for
 *   them (the authority then invites them).
 *
 * A later adopted `exclude-member` (action `{ user }`) removes anyone but the authority from the
 * roll until another admission, whether or not the authority has removed them from the rooms yet.
 * The roll reads nothing but the decisions room's own log (membership, join rules, the adopted
 * decisions), so every member who replays it gets the same roll. Pure.
 */

import type { Decision } from '@imago/governance';
import type { ImagoWarning } from '../events/imago-warning';

/** The kind of action that admits a member (action `{ user }`). */
export const ADMIT_MEMBER_KIND = 'admit-member';
/** The kind of action that excludes a member (action `{ user }`). */
export const EXCLUDE_MEMBER_KIND = 'exclude-member';

const USER_ID = /^@[^:\s]+:\S+$/;

/**
 * The user an `admit-member` or `exclude-member` action names.
 *
 * @param action - the decision's action (untrusted).
 * @returns the user id, or `undefined` when the action names none.
 */
export function memberActionUser(action: unknown): string | undefined {
  if (typeof action !== 'object' || action === null) return undefined;
  const user = (action as { user?: unknown }).user;
  return typeof user === 'string' && user.length <= 255 && USER_ID.test(user) ? user : undefined;
}

/** A plain copy of a {@link MembershipRoll}, e.g. for a snapshot. */
export interface MembershipRollData {
  readonly creators: readonly string[];
  readonly joined: readonly string[];
  readonly invited: readonly string[];
  /** Fixed when the control table is set; empty before. */
  readonly founders: readonly string[];
  readonly initialised: boolean;
  readonly joinRule: string;
  /** Whether every join counts: the room was public when the table was set and has stayed so. */
  readonly open: boolean;
  /** The latest adopted admission or exclusion of each user. */
  readonly decided: Readonly<Record<string, 'admitted' | 'excluded'>>;
}

/** The governance roll of a decisions room, kept as its log is replayed. */
export class MembershipRoll {
  #creators: readonly string[] = [];
  readonly #joined = new Set<string>();
  readonly #invited = new Set<string>();
  readonly #founders = new Set<string>();
  #initialised = false;
  #joinRule = 'invite';
  #open = false;
  readonly #decided = new Map<string, 'admitted' | 'excluded'>();

  /** A roll from a plain copy. */
  static from(data: MembershipRollData): MembershipRoll {
    const roll = new MembershipRoll();
    roll.#creators = [...data.creators];
    for (const user of data.joined) roll.#joined.add(user);
    for (const user of data.invited) roll.#invited.add(user);
    for (const user of data.founders) roll.#founders.add(user);
    roll.#initialised = data.initialised;
    roll.#joinRule = data.joinRule;
    roll.#open = data.open;
    for (const [user, status] of Object.entries(data.decided)) roll.#decided.set(user, status);
    return roll;
  }

  /** A plain copy (sorted, so two equal rolls give equal copies). */
  toData(): MembershipRollData {
    const sorted = (values: Iterable<string>) => [...values].sort();
    return {
      creators: [...this.#creators],
      joined: sorted(this.#joined),
      invited: sorted(this.#invited),
      founders: sorted(this.#founders),
      initialised: this.#initialised,
      joinRule: this.#joinRule,
      open: this.#open,
      decided: Object.fromEntries(
        sorted(this.#decided.keys()).map((user) => [user, this.#decided.get(user)]),
      ),
    } as MembershipRollData;
  }

  /** The room's creators (from `m.room.create`: its sender and additional creators). */
  observeCreate(creators: readonly string[]): void {
    if (this.#creators.length === 0) this.#creators = [...creators];
  }

  /** A change of the room's join rule. Opening the room after the table was set opens nothing. */
  observeJoinRule(rule: string): void {
    this.#joinRule = rule;
    if (this.#initialised && rule !== 'public') this.#open = false;
  }

  /**
   * A membership event.
   *
   * @returns for a join once the table is set, whether the joined user counts.
   */
  observeMembership(user: string, membership: string, authority: readonly string[]): boolean | undefined {
    if (membership === 'join') this.#joined.add(user);
    else this.#joined.delete(user);
    if (membership === 'invite') this.#invited.add(user);
    else this.#invited.delete(user);
    if (membership !== 'join' || !this.#initialised) return undefined;
    return this.counts(user, authority);
  }

  /** The control table was set: whoever is joined or invited is a founder. */
  observeInit(): void {
    if (this.#initialised) return;
    this.#initialised = true;
    for (const user of [...this.#joined, ...this.#invited]) this.#founders.add(user);
    this.#open = this.#joinRule === 'public';
  }

  /**
   * A decision that settled and is no longer provisional (an early settlement counts once an
   * authority's event confirms it): an adopted admission or exclusion changes the roll.
   */
  observeDecision(decision: Decision): void {
    if (decision.status !== 'adopted') return;
    if (decision.kind !== ADMIT_MEMBER_KIND && decision.kind !== EXCLUDE_MEMBER_KIND) return;
    const user = memberActionUser(decision.action);
    if (user === undefined) return;
    this.#decided.set(user, decision.kind === ADMIT_MEMBER_KIND ? 'admitted' : 'excluded');
  }

  /** Whether a user would count if joined, with this authority. */
  counts(user: string, authority: readonly string[]): boolean {
    if (authority.includes(user)) return true;
    const decided = this.#decided.get(user);
    if (decided !== undefined) return decided === 'admitted';
    return !this.#initialised || this.#open || this.#founders.has(user) || this.#creators.includes(user);
  }

  /** The joined users who count, with this authority. */
  members(authority: readonly string[]): Set<string> {
    return new Set([...this.#joined].filter((user) => this.counts(user, authority)));
  }

  /** The room's creators (empty before `m.room.create`). */
  get creators(): readonly string[] {
    return this.#creators;
  }

  /** Every joined user, counted or not. */
  get joined(): ReadonlySet<string> {
    return this.#joined;
  }
}

/**
 * The warning of a join no admission backs.
 *
 * @param eventId - the membership event.
 * @param type - its type.
 * @param user - who joined.
 * @returns an `unadmitted-member` warning.
 */
export function unadmittedWarning(eventId: string, type: string, user: string): ImagoWarning {
  return {
    code: 'unadmitted-member',
    eventId,
    type,
    sender: user,
    detail: `${user} joined without an admission of the group: not counted in its decisions`,
  };
}
