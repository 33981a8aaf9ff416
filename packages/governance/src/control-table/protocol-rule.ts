/**
 * The decision protocols and their modalities: what a row of a control table says.
 *
 * Durations and windows are milliseconds, measured on event timestamps (never a clock).
 *
 * @module
 */
import type { CountingMethodName } from '../counting/counting-method';
import type { GroupId, MemberId } from '../membership/member-id';
import type { TrusteesRule } from '../secret-ballot/election-trustees';

/** Who decides in an oligarchy: a fixed list of members or the members of a (sub-)group. */
export type Deciders = { readonly members: readonly MemberId[] } | { readonly group: GroupId };

/** A named set of deciders; `required` approvals among them adopt (k-of-n). */
export interface OligarchyRule {
  readonly protocol: 'oligarchy';
  readonly deciders: Deciders;
  /** k: approvals needed. The decision is rejected as soon as k becomes unreachable. */
  readonly required: number;
  /** How long the deciders have, from opening. */
  readonly duration: number;
}

/** How weight delegated to a whole group is cast (see the README's liquid-democracy section). */
export type GroupDelegationMode = 'fractional' | 'majority';

/** A vote among eligible members with a counting method. */
export interface DemocracyRule {
  readonly protocol: 'democracy';
  readonly method: CountingMethodName;
  /** Minimum share of the eligible weight that must be counted (direct or delegated), in [0, 1]. */
  readonly quorum: number;
  /**
   * Share of the counted weight the winning option must exceed, in [0, 1] (`0.5`: strict
   * majority). Applies to plurality and approval; ranked and graded methods elect their winner.
   */
  readonly threshold: number;
  readonly duration: number;
  readonly ballot: 'public' | 'secret';
  /** Whether members may delegate their vote (liquid democracy) for this kind. */
  readonly delegation: boolean;
  /** How weight delegated to a whole group is cast. */
  readonly groupDelegation: GroupDelegationMode;
  /** Majority judgment: number of grades (grade 1 is the best). */
  readonly grades?: number;
  /** Single transferable vote: number of seats. */
  readonly seats?: number;
  /**
   * Secret ballots: who holds the decryption key besides the group's authority (absent: each
   * proposal names its trustees).
   */
  readonly trustees?: TrusteesRule;
}

/** Adopted if nobody blocks within the period; a block needs a reason. */
export interface ConsensusRule {
  readonly protocol: 'consensus';
  readonly duration: number;
}

/** Sociocratic consent: adopted unless a paramount objection stands at the end of the period. */
export interface ConsentRule {
  readonly protocol: 'consent';
  readonly duration: number;
}

/** The rules a do-ocracy challenge may escalate to (anything but do-ocracy itself). */
export type EscalationRule = OligarchyRule | DemocracyRule | ConsensusRule | ConsentRule;

/** Whoever does it decides; the act stands unless challenged within `window`. */
export interface DoOcracyRule {
  readonly protocol: 'do-ocracy';
  readonly window: number;
  /** The protocol a challenge escalates to; the act stands if that decision adopts it. */
  readonly escalation: EscalationRule;
}

/** One row of a control table: a protocol and its modalities. */
export type ProtocolRule = OligarchyRule | DemocracyRule | ConsensusRule | ConsentRule | DoOcracyRule;

/** The name of a decision protocol. */
export type ProtocolName = ProtocolRule['protocol'];
