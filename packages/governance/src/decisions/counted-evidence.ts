/**
 * What the authority's settling event counted, and the record every reader keeps to follow it.
 *
 * Matrix gives no server-independent order of concurrent events: a vote sent while the authority
 * closes may come before the close on one homeserver and after it on another. So the authority's
 * `close` (or `tick`) names, for each decision it settles, the events it counted (`counted`), and
 * every reader settles the decision on exactly those (`recount.ts`), whatever its own order.
 *
 * What is named: every participation event that entered the decision in the authority's log, in
 * that order (votes, approvals and refusals, stances, objections and their withdrawals,
 * amendments: `PARTICIPATION_TYPES`; the proposer's withdrawal and a do-ocracy challenge:
 * `course.ts`), and for a public vote with delegation the `delegate`
 * event behind each eligible member's delegation that covers the decision (a delegation not named
 * does not apply; revocations need no name). A long list goes in `org.imago.governance.counted`
 * parts sent before the close, which names their number and the SHA-256 of the whole list.
 *
 * @module
 */
import { sha256Hex } from '@imago/helios-c';
import type { DelegationScope } from '../delegation/delegation-scope';
import type { CountedByDecision } from '../events/event-types';
import type { Decision } from './decision';
import type { DelegateEvent, EvidenceRecord } from './evidence-record';
import type { GovernanceState } from './governance-state';

/**
 * The key of one member's delegation in one scope (for {@link GovernanceState.delegationIds}).
 * @internal
 */
export function delegationKey(member: string, scope: DelegationScope): string {
  const where =
    scope.type === 'group'
      ? 'group'
      : scope.type === 'kind'
        ? `kind ${scope.kind}`
        : `decision ${scope.decision}`;
  return `${member} ${where}`;
}

/** The key of one part of a long counted list. @internal */
export function countPartKey(decision: string, part: number): string {
  return `${decision} ${part}`;
}

/**
 * What the evidence record holds for a named id: the event, the mark of its redaction (the id,
 * or the Matrix event a delegation id `$event/scope` was made from), or nothing yet.
 * @internal
 */
export function lookupEvidence(state: GovernanceState, id: string): EvidenceRecord | undefined {
  const slash = id.indexOf('/');
  const source = slash > 0 ? state.evidence.get(id.slice(0, slash)) : undefined;
  if (source !== undefined && 'redacted' in source) return source;
  return state.evidence.get(id);
}

/**
 * Resolves the counted lists of a settling event: inline lists as they are, split ones from their
 * parts, checked against their digest.
 *
 * @returns the ids by decision, or `undefined` if a part is missing or the digest differs.
 * @internal
 */
export function resolveCounted(
  state: GovernanceState,
  counted: CountedByDecision | undefined,
): Map<string, readonly string[]> | undefined {
  const resolved = new Map<string, readonly string[]>();
  for (const [decision, value] of Object.entries(counted ?? {})) {
    if (Array.isArray(value)) {
      resolved.set(decision, value);
      continue;
    }
    const { parts, digest } = value as { parts: number; digest: string };
    const ids: string[] = [];
    for (let part = 0; part < parts; part++) {
      const chunk = state.countParts.get(countPartKey(decision, part));
      if (chunk === undefined) return undefined;
      ids.push(...chunk);
    }
    if (sha256Hex(JSON.stringify(ids)) !== digest) return undefined;
    resolved.set(decision, ids);
  }
  return resolved;
}

function delegationScopes(decision: Decision): DelegationScope[] {
  return [
    { type: 'decision', decision: decision.id },
    { type: 'kind', kind: decision.kind },
    { type: 'group' },
  ];
}

/**
 * The events the authority names when it settles a decision: its participation events in the
 * order they entered it and, for a public vote with delegation, the `delegate` events behind the
 * eligible members' delegations that cover it.
 *
 * @param state - the authority's state (before or after the decision settled by time).
 * @param decisionId - the decision.
 * @returns the ids to name in the close's `counted`.
 * @example
 * ```ts
 * const counted = { [decision]: countedEvidence(state, decision) };
 * ```
 */
export function countedEvidence(state: GovernanceState, decisionId: string): string[] {
  const decision = state.decisions.get(decisionId);
  if (decision === undefined) return [];
  const ids = [...(decision.count?.counted ?? decision.evidence ?? [])];
  const rule = decision.rule;
  if (
    decision.count === undefined &&
    rule.protocol === 'democracy' &&
    rule.delegation &&
    rule.ballot !== 'secret'
  )
    ids.push(...coveringDelegationIds(state, decision));
  return ids;
}

/**
 * The `delegate` events behind the eligible members' current delegations that cover a decision,
 * member by member, the narrowest scope first: what a counted close names for a public vote, and
 * what a secret ballot's Setup names for the weights it fixed at opening (`named-weights.ts`).
 * @internal
 */
export function coveringDelegationIds(state: GovernanceState, decision: Decision): string[] {
  const ids: string[] = [];
  for (const member of decision.eligible) {
    for (const scope of delegationScopes(decision)) {
      const id = state.delegationIds.get(delegationKey(member, scope));
      if (id !== undefined) ids.push(id);
    }
  }
  return ids;
}

/**
 * What a close sent at `at` should name: the counted events of every open decision whose period
 * ends by then (a close settles them all), and of every provisional decision, whatever its period
 * (withdrawn, challenged, or settled early by its participation: the event among them). Naming a
 * provisional decision ends its provisional status at once: every reader settles it on the named
 * events, and an adoption takes effect.
 *
 * @param state - the authority's state, as its log settles it.
 * @param at - the time the close will carry (ms).
 * @returns the `counted` field of the close, by decision id.
 */
export function countsToName(state: GovernanceState, at: number): Record<string, string[]> {
  const counted: Record<string, string[]> = {};
  for (const id of state.pending) {
    const decision = state.decisions.get(id);
    if (decision?.status === 'open' && decision.closesAt <= at) counted[id] = countedEvidence(state, id);
  }
  // A withdrawal, a challenge or an early settlement taken into account before the period it raced
  // ended (`course.ts`, `apply-event.ts`).
  for (const id of state.provisional.keys()) counted[id] = countedEvidence(state, id);
  return counted;
}

/**
 * Why a named `delegate` event does not count for a decision (`other-decision`: its scope does
 * not cover it; `wrong-protocol`: the decision takes no delegation; `invalid-delegation`: to its
 * own sender), or `undefined` when it counts.
 * @internal
 */
export function namedDelegationIssue(
  event: DelegateEvent,
  decision: Decision,
  delegating: boolean,
): string | undefined {
  const { sender, content } = event;
  if (!delegationCovers(event, decision)) return 'other-decision';
  if (!delegating) return 'wrong-protocol';
  if ('member' in content.to && content.to.member === sender) return 'invalid-delegation';
  return undefined;
}

/** Whether a sender's named delegation event covers the decision. @internal */
export function delegationCovers(event: DelegateEvent, decision: Decision): boolean {
  const scope = event.content.scope;
  if (scope.type === 'decision') return scope.decision === decision.id;
  if (scope.type === 'kind') return scope.kind === decision.kind;
  return true;
}
