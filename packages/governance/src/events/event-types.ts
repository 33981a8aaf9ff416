/**
 * The governance events: their types (namespaced `org.imago.governance.*`, ready to be Matrix
 * event types) and the typed content each carries once parsed.
 *
 * Every event has an envelope `{ id, sender, timestamp, type, content }`: `id` is unique in the
 * group's log (on Matrix: the event id), `sender` a member id, `timestamp` milliseconds since the
 * epoch as assigned by the origin server (Matrix `origin_server_ts`).
 *
 * @module
 */
import type { ActionKind } from '../control-table/action-kinds';
import type { ControlTable } from '../control-table/control-table';
import type { Ballot } from '../counting/counting-method';
import type { DelegationScope, DelegationTarget } from '../delegation/delegation-scope';
import type { MemberId } from '../membership/member-id';
import type { ElectionTrustees } from '../secret-ballot/election-trustees';

/** The event types, by role. */
export const GovernanceEventTypes = {
  /** Sets the initial control table at group creation (accepted once). */
  init: 'org.imago.governance.init',
  /** Proposes an action; the event id becomes the decision id. Under do-ocracy it records the act. */
  propose: 'org.imago.governance.propose',
  /** The proposer withdraws an open or not-yet-open decision. */
  withdraw: 'org.imago.governance.withdraw',
  /** Democracy: a public ballot (a later ballot of the same voter replaces the earlier one). */
  vote: 'org.imago.governance.vote',
  /** Oligarchy: a decider approves. */
  approve: 'org.imago.governance.approve',
  /** Oligarchy: a decider refuses. */
  refuse: 'org.imago.governance.refuse',
  /** Consensus: agree / abstain / disagree / block (a block needs a reason). */
  stance: 'org.imago.governance.stance',
  /** Consent: a paramount objection, with its reason. */
  object: 'org.imago.governance.object',
  /** Consent: the objector withdraws their objection. */
  withdrawObjection: 'org.imago.governance.objection.withdraw',
  /** Consent: the proposer amends the proposal, naming the objections the amendment resolves. */
  amend: 'org.imago.governance.amend',
  /** Do-ocracy: a member challenges an act within its window; escalates to the named protocol. */
  challenge: 'org.imago.governance.challenge',
  /** Liquid democracy: delegate one's vote for a scope to a member or a group. */
  delegate: 'org.imago.governance.delegate',
  /** Liquid democracy: revoke one's delegation for a scope. */
  revoke: 'org.imago.governance.revoke',
  /**
   * The authority advances time: closes every decision whose period ended at or before the
   * timestamp (from anyone else: rejected).
   */
  tick: 'org.imago.governance.tick',
  /**
   * The authority closes one decision whose period has ended (rejected before its end), naming
   * what it counted for each decision it settles (`counted`, see `decisions/counted-evidence.ts`).
   */
  close: 'org.imago.governance.close',
  /**
   * The authority's list of counted events for one decision, when it does not fit in the close:
   * one part of it (the close names how many parts and their digest).
   */
  counted: 'org.imago.governance.counted',
  /** Secret ballot: the authority publishes the verified Helios-C result of a closed decision. */
  secretResult: 'org.imago.governance.secret.result',
} as const;

/** A governance event type. */
export type GovernanceEventType = (typeof GovernanceEventTypes)[keyof typeof GovernanceEventTypes];

/** Content of `org.imago.governance.init`. */
export interface InitContent {
  readonly table: ControlTable;
  /**
   * The group's founding authority: the members who administer its elections, close its
   * decisions and speak for it. Absent: the sender of `init` alone.
   */
  readonly authority?: readonly MemberId[];
}

/** Action of a `change-authority` proposal: the members who become the group's authority. */
export interface ChangeAuthorityAction {
  readonly authority: readonly MemberId[];
}

/** Content of `org.imago.governance.propose`. */
export interface ProposeContent {
  readonly kind: ActionKind;
  /** What is proposed, for the application (free JSON); `{ table }` for `change-control-table`. */
  readonly action: unknown;
  readonly title?: string;
  /**
   * Democracy: the options voted on. Absent: a motion with options `["yes", "no"]`, adopted
   * when `yes` wins.
   */
  readonly options?: readonly string[];
  /** When the decision opens (ms); absent: at once. */
  readonly opensAt?: number;
  /**
   * Secret ballots whose rule names no trustees: the member trustees of the election (a rule
   * that names its own refuses a proposal naming others).
   */
  readonly trustees?: ElectionTrustees;
}

/** Content of events that only name their decision (`withdraw`, `approve`, `refuse`). */
export interface DecisionRefContent {
  readonly decision: string;
}

/**
 * What a settling event counted for one decision: the ids of the events it took into account,
 * in the order it took them; or, for a list too large for one Matrix event, how many
 * `org.imago.governance.counted` parts carry it and the SHA-256 (hex) of the whole list
 * (`JSON.stringify(ids)`, UTF-8).
 */
export type CountedIds = readonly string[] | { readonly parts: number; readonly digest: string };

/** What the authority's settling event counted, by decision id. */
export type CountedByDecision = Readonly<Record<string, CountedIds>>;

/** Content of `org.imago.governance.close`. */
export interface CloseContent {
  readonly decision: string;
  /**
   * What the close counted for each decision it settles (its own and any other whose period
   * ended by then). Absent (older logs): the decisions settle on the events this reader's log
   * put before the close.
   */
  readonly counted?: CountedByDecision;
}

/** Content of `org.imago.governance.tick`. */
export interface TickContent {
  /** What the tick counted for each decision it settles (as a close's `counted`). */
  readonly counted?: CountedByDecision;
}

/** Content of `org.imago.governance.counted`: one part of a long list of counted events. */
export interface CountedPartContent {
  readonly decision: string;
  /** The part's index, from 0. */
  readonly part: number;
  readonly ids: readonly string[];
}

/** Content of `org.imago.governance.vote`. */
export interface VoteContent {
  readonly decision: string;
  readonly ballot: Ballot;
}

/** A consensus stance. */
export type Stance = 'agree' | 'abstain' | 'disagree' | 'block';

/** Content of `org.imago.governance.stance`. */
export interface StanceContent {
  readonly decision: string;
  readonly stance: Stance;
  /** Required for `block`. */
  readonly reason?: string;
}

/** Content of `org.imago.governance.object` and `org.imago.governance.challenge`. */
export interface ReasonedContent {
  readonly decision: string;
  readonly reason: string;
}

/** Content of `org.imago.governance.objection.withdraw`. */
export interface WithdrawObjectionContent {
  readonly decision: string;
  /** Event id of the objection. */
  readonly objection: string;
}

/** Content of `org.imago.governance.amend`. */
export interface AmendContent {
  readonly decision: string;
  /** The amended action (replaces the proposal's `action`). */
  readonly action: unknown;
  /** Event ids of the objections this amendment resolves. */
  readonly resolves: readonly string[];
}

/** Content of `org.imago.governance.delegate`. */
export interface DelegateContent {
  readonly scope: DelegationScope;
  readonly to: DelegationTarget;
}

/** Content of `org.imago.governance.revoke`. */
export interface RevokeContent {
  readonly scope: DelegationScope;
}

/** Content of `org.imago.governance.secret.result`. */
export interface SecretResultContent {
  readonly decision: string;
  /**
   * The decrypted result of the single question, as Belenios writes it in `result.json`:
   * homomorphic: weighted totals per answer (with a leading blank count if blank was allowed);
   * non-homomorphic: the list of decrypted ballots.
   */
  readonly result: readonly number[] | readonly (readonly number[])[];
  /**
   * Total weight of the ballots cast (from the verified archive). Required for approval, whose
   * totals alone do not say how many ballots were cast; checked against the totals otherwise.
   */
  readonly castWeight?: number;
  /** Reference to the verified election evidence (e.g. the archive's last hash), for auditors. */
  readonly evidence?: string;
}

/** The typed content of each event type. */
export interface GovernanceEventContents {
  'org.imago.governance.init': InitContent;
  'org.imago.governance.propose': ProposeContent;
  'org.imago.governance.withdraw': DecisionRefContent;
  'org.imago.governance.vote': VoteContent;
  'org.imago.governance.approve': DecisionRefContent;
  'org.imago.governance.refuse': DecisionRefContent;
  'org.imago.governance.stance': StanceContent;
  'org.imago.governance.object': ReasonedContent;
  'org.imago.governance.objection.withdraw': WithdrawObjectionContent;
  'org.imago.governance.amend': AmendContent;
  'org.imago.governance.challenge': ReasonedContent;
  'org.imago.governance.delegate': DelegateContent;
  'org.imago.governance.revoke': RevokeContent;
  'org.imago.governance.tick': TickContent;
  'org.imago.governance.close': CloseContent;
  'org.imago.governance.counted': CountedPartContent;
  'org.imago.governance.secret.result': SecretResultContent;
}

/** A parsed governance event of type `T`. */
export interface GovernanceEventOf<T extends GovernanceEventType> {
  readonly id: string;
  readonly sender: MemberId;
  readonly timestamp: number;
  readonly type: T;
  readonly content: GovernanceEventContents[T];
}

/** A parsed governance event (discriminated on `type`). */
export type GovernanceEvent = { [T in GovernanceEventType]: GovernanceEventOf<T> }[GovernanceEventType];

/** An event as received from the log, before parsing: content is untrusted. */
export interface RawGovernanceEvent {
  readonly id: unknown;
  readonly sender: unknown;
  readonly timestamp: unknown;
  readonly type: unknown;
  readonly content: unknown;
}
