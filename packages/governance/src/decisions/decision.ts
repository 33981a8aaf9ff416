/**
 * A decision and its life cycle:
 * `proposed` (waiting for `opensAt`) → `open` → `closed` (a secret ballot waiting for its
 * verified result) → `adopted` | `rejected` | `expired`; or `withdrawn` by its proposer.
 *
 * @module
 */
import type { ActionKind } from '../control-table/action-kinds';
import type { DoOcracyRule, ProtocolRule } from '../control-table/protocol-rule';
import type { Ballot, CountResult } from '../counting/counting-method';
import type { DelegationResolution } from '../delegation/resolve-delegations';
import type { SecretResultContent, Stance } from '../events/event-types';
import type { MemberId } from '../membership/member-id';
import type { PersistentMap } from '../persistent/persistent-map';
import type { ElectionTrustees } from '../secret-ballot/election-trustees';

/** Where a decision is in its life cycle. */
export type DecisionStatus =
  | 'proposed'
  | 'open'
  | 'closed'
  | 'adopted'
  | 'rejected'
  | 'expired'
  | 'withdrawn';

/** Statuses after which nothing changes any more. */
export const FINAL_STATUSES: readonly DecisionStatus[] = ['adopted', 'rejected', 'expired', 'withdrawn'];

/** A consent objection. */
export interface Objection {
  /** Event id of the objection. */
  readonly id: string;
  readonly by: MemberId;
  readonly reason: string;
  readonly at: number;
  /** `resolved`: an amendment named it; `withdrawn`: its author withdrew it. */
  readonly status: 'standing' | 'resolved' | 'withdrawn';
  /** Event id of the amendment that resolved it. */
  readonly resolvedBy?: string;
}

/** A consensus stance as recorded (the latest one of each member counts). */
export interface StanceRecord {
  readonly stance: Stance;
  readonly reason?: string;
  readonly at: number;
}

/** What members did on a decision, by protocol. */
export type Participation =
  | {
      readonly protocol: 'oligarchy';
      /** Deciders who approve, with the time of their latest approval. */
      readonly approvals: PersistentMap<number>;
      /** Deciders who refuse, with the time of their latest refusal. */
      readonly refusals: PersistentMap<number>;
    }
  | {
      readonly protocol: 'democracy';
      /** Latest public ballot of each voter. */
      readonly ballots: PersistentMap<Ballot>;
    }
  | { readonly protocol: 'consensus'; readonly stances: PersistentMap<StanceRecord> }
  | { readonly protocol: 'consent'; readonly objections: PersistentMap<Objection> }
  | { readonly protocol: 'do-ocracy' };

/** Why a decision ended as it did (stable codes). */
export type OutcomeReason =
  /** oligarchy: k approvals reached. */
  | 'approved'
  /** oligarchy: too many refusals for k approvals to remain reachable. */
  | 'refused'
  /** oligarchy: fewer deciders than required approvals. */
  | 'not-enough-deciders'
  /** the period ended without the protocol's condition being met. */
  | 'deadline'
  /** democracy: the counted weight is below the quorum. */
  | 'quorum-not-met'
  /** democracy: the winning option did not exceed the threshold. */
  | 'threshold-not-met'
  /** democracy: the winner is not the motion's `yes` (or no option won). */
  | 'motion-defeated'
  /** democracy: a tie for the winning place. */
  | 'tie'
  /** democracy: options elected. */
  | 'elected'
  /** consensus: nobody blocked. */
  | 'no-block'
  /** consensus: a block stands. */
  | 'blocked'
  /** consent: no paramount objection stands. */
  | 'no-objection'
  /** consent: an objection stands. */
  | 'objection-stands'
  /** do-ocracy: the window passed without a challenge. */
  | 'unchallenged'
  /** the proposer withdrew it. */
  | 'withdrawn'
  /** democracy: a secret ballot whose rule and proposal name no trustees could not be held. */
  | 'no-trustees';

/** How a democracy decision was counted. */
export interface DemocracyTally {
  readonly count: CountResult;
  /** Delegation resolution (public ballots at closing, secret ballots at opening). */
  readonly delegation?: DelegationResolution;
  /** Total eligible weight. */
  readonly eligibleWeight: number;
}

/** How a decision ended. */
export interface DecisionOutcome {
  readonly status: 'adopted' | 'rejected' | 'expired' | 'withdrawn';
  readonly reason: OutcomeReason;
  /** Timestamp (ms) at which the outcome was reached. */
  readonly at: number;
  /** Democracy: the elected options (indices into `options`). */
  readonly winners?: readonly number[];
  /** Democracy: the count. */
  readonly tally?: DemocracyTally;
}

/** A challenge that escalated a do-ocracy act. */
export interface Challenge {
  /** Event id of the challenge. */
  readonly id: string;
  readonly by: MemberId;
  readonly reason: string;
  readonly at: number;
}

/** Secret democracy: what was fixed when the decision opened. */
export interface SecretSetup {
  /** Weight per voter (members who delegated hold no credential), sorted by member. */
  readonly voters: readonly { readonly member: MemberId; readonly weight: number }[];
  /** The delegation resolution that produced the weights, if delegation applies. */
  readonly delegation?: DelegationResolution;
  /** Who holds the decryption key besides the authority (the rule's, else the proposal's); absent: nobody named any. */
  readonly trustees?: ElectionTrustees;
  /**
   * The `delegate` events behind the eligible members' delegations that cover the decision at
   * opening: what the authority's Setup names (`named-weights.ts`). Absent without delegation.
   */
  readonly delegationIds?: readonly string[];
  /** A secret result that waits for delegation events the Setup named (`awaiting-evidence`). */
  readonly waiting?: { readonly content: SecretResultContent; readonly at: number };
}

/** A decision, as the reducer holds it. */
export interface Decision {
  /** The id of the proposing event. */
  readonly id: string;
  readonly kind: ActionKind;
  readonly proposer: MemberId;
  readonly proposedAt: number;
  readonly title?: string;
  /** The proposed action (after amendments). */
  readonly action: unknown;
  /** Democracy options; a motion has `["yes", "no"]`. */
  readonly options: readonly string[];
  /** Whether this is a yes/no motion (no options were given). */
  readonly motion: boolean;
  /** The rule in force for this decision: the table's at proposal, or the escalation after a challenge. */
  readonly rule: ProtocolRule;
  /** The control table version the rule came from. */
  readonly tableVersion: number;
  /** Members who may take part (vote, stance, objection), sorted; snapshot at proposal or challenge. */
  readonly eligible: readonly MemberId[];
  /** Oligarchy deciders, sorted; snapshot at proposal or challenge. */
  readonly deciders: readonly MemberId[];
  readonly opensAt: number;
  readonly closesAt: number;
  readonly status: DecisionStatus;
  readonly participation: Participation;
  /** Do-ocracy: the act's rule, once a challenge escalated the decision. */
  readonly act?: DoOcracyRule;
  readonly challenge?: Challenge;
  /** Do-ocracy: the act as it stood before the challenge (a counted close settles it again from there). */
  readonly beforeChallenge?: Decision;
  /** Secret democracy: voter weights and trustees fixed at opening. */
  readonly secret?: SecretSetup;
  /** The member trustees the proposal named (secret ballots whose rule names none). */
  readonly trustees?: ElectionTrustees;
  readonly outcome?: DecisionOutcome;
  /**
   * Ids of the participation events, withdrawal and challenge that entered this decision, in the
   * order they did (a counted close names them; after one, only those it named that count).
   */
  readonly evidence?: readonly string[];
  /** The action as proposed, once an amendment replaced it (a recount starts from it). */
  readonly proposedAction?: { readonly action: unknown };
  /** What the authority's counted close named, and what of it this log lacks or refuses. */
  readonly count?: DecisionCount;
}

/** What a counted close named for a decision (see `counted-evidence.ts`). */
export interface DecisionCount {
  /** The ids the close named, in its order. */
  readonly counted: readonly string[];
  /** The named events this log has not shown yet: while any is missing the decision is `closed`. */
  readonly missing: readonly string[];
  /** The named events that do not count, with why. */
  readonly invalid: readonly { readonly id: string; readonly reason: string }[];
}
