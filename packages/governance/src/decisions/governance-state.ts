/**
 * The state every member computes from the group's governance log (the inputs from outside the
 * log are the governance context, `governance-context.ts`).
 *
 * @module
 */
import type { ControlTableHistory } from '../control-table/table-history';
import type { MemberDelegations } from '../delegation/delegation-scope';
import type { MemberId } from '../membership/member-id';
import { PersistentMap } from '../persistent/persistent-map';
import type { Decision } from './decision';
import type { EvidenceRecord } from './evidence-record';
import type { effectiveTime } from './group-clock';

/**
 * The governance state of one group. Immutable: the reducer returns new states. The table in
 * force, its version and history (which decision adopted it: `tableInForce(state).decision`)
 * come from {@link ControlTableHistory}.
 */
export interface GovernanceState extends ControlTableHistory {
  /**
   * The group's clock (ms): the effective time of the latest accepted event, never going back
   * (see {@link effectiveTime}). The engine's notion of "now".
   */
  readonly clock: number;
  /**
   * The group's authority: the members who administer its elections, close its decisions
   * (`tick`, `close`), publish secret results and speak for it. Set by `init` (its `authority`,
   * else its sender) and changed only by an adopted `change-authority` decision. Sorted; empty
   * before `init`.
   */
  readonly authority: readonly MemberId[];
  /** The effective time of the authority's latest accepted event (ms): what bounds everyone else's. */
  readonly authorityClock: number;
  /** Every decision, keyed by id. */
  readonly decisions: PersistentMap<Decision>;
  /** Every member's current delegations, keyed by member. */
  readonly delegations: PersistentMap<MemberDelegations>;
  /** The `delegate` event behind each current delegation, keyed by member and scope. */
  readonly delegationIds: PersistentMap<string>;
  /**
   * The events a counted close may still name, accepted or not, by id (and the ids of redacted
   * events): every `delegate` event, and the participation, withdrawals and challenges of each
   * decision until it is settled for good (see `counted-evidence.ts`, `awaited-evidence.ts`).
   */
  readonly evidence: PersistentMap<EvidenceRecord>;
  /**
   * The ids in {@link evidence} of each decision not settled for good yet (by decision id, the
   * ids as keys): what is dropped from the record once no close can settle that decision again.
   */
  readonly evidenceOf: PersistentMap<PersistentMap<true>>;
  /** Events a counted close named that this log has not shown yet: the decisions waiting for each. */
  readonly awaiting: PersistentMap<readonly string[]>;
  /**
   * Decisions settled or changed by a member's event before the authority ended the period that
   * event raced (withdrawn, challenged, or settled early by an oligarchy's approvals or refusals),
   * with the end of that period: a counted close that names the decision settles it again on the
   * named events at once, whatever its time, and one that does not confirms it once the period
   * has ended. Until then an adoption has no effect on the table or the authority.
   */
  readonly provisional: PersistentMap<number>;
  /** Parts of long counted lists (`org.imago.governance.counted`), by decision and part. */
  readonly countParts: PersistentMap<readonly string[]>;
  /** Ids of accepted events, for duplicate detection. */
  readonly seen: PersistentMap<true>;
  /** Ids of decisions still `proposed` or `open`, sorted. */
  readonly pending: readonly string[];
  /** The earliest time at which a pending decision opens or settles (`Infinity` if none). */
  readonly nextDue: number;
}

/**
 * The state of a group before any governance event.
 * @returns an empty state (no table, no decision)
 */
export function initialGovernanceState(): GovernanceState {
  return {
    table: undefined,
    tableVersion: 0,
    tableHistory: [],
    clock: 0,
    authority: [],
    authorityClock: 0,
    decisions: PersistentMap.empty(),
    delegations: PersistentMap.empty(),
    delegationIds: PersistentMap.empty(),
    evidence: PersistentMap.empty(),
    evidenceOf: PersistentMap.empty(),
    awaiting: PersistentMap.empty(),
    provisional: PersistentMap.empty(),
    countParts: PersistentMap.empty(),
    seen: PersistentMap.empty(),
    pending: [],
    nextDue: Number.POSITIVE_INFINITY,
  };
}
