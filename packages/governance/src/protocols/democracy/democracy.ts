/**
 * Democracy: a vote among the members eligible when the decision was proposed, counted with
 * the rule's method, with quorum and majority threshold, public or secret ballots, and liquid
 * delegation when the rule allows it.
 *
 * Public ballots: a voter's latest ballot counts; delegations are resolved when the decision
 * closes (so they can be changed or revoked until then, and a direct vote overrides one's own
 * delegation). Secret ballots: see `secret-ballot/election-parameters`.
 *
 * @module
 */
import type { DemocracyRule } from '../../control-table/protocol-rule';
import type { CountResult, WeightedBallot } from '../../counting/counting-method';
import { coveringDelegationIds } from '../../decisions/counted-evidence';
import type { Decision, DecisionOutcome, SecretSetup } from '../../decisions/decision';
import type { GovernanceContext } from '../../decisions/governance-context';
import type { GovernanceState } from '../../decisions/governance-state';
import { effectiveDelegation } from '../../delegation/delegation-scope';
import { type DelegationResolution, resolveDelegations } from '../../delegation/resolve-delegations';
import type { SecretResultContent, VoteContent } from '../../events/event-types';
import type { MemberId } from '../../membership/member-id';
import { parametersOf } from '../../secret-ballot/election-parameters';
import { checkOpen, includesSorted, type Step } from '../protocol-step';
import { ballotKey, fitsMethod } from './ballot-shape';
import { countBallots, countFromTotals } from './count-ballots';

function democracyRule(decision: Decision): DemocracyRule | undefined {
  return decision.rule.protocol === 'democracy' ? decision.rule : undefined;
}

/**
 * Records a public ballot.
 * @internal
 */
export function castVote(decision: Decision, sender: MemberId, at: number, content: VoteContent): Step {
  const rule = democracyRule(decision);
  if (rule === undefined || decision.participation.protocol !== 'democracy') return 'wrong-protocol';
  if (rule.ballot === 'secret') return 'secret-ballot';
  const closed = checkOpen(decision, at);
  if (closed !== undefined) return closed;
  if (!includesSorted(decision.eligible, sender)) return 'wrong-sender';
  if (!fitsMethod(rule, decision.options.length, content.ballot)) return 'invalid-ballot';
  return {
    ...decision,
    participation: {
      protocol: 'democracy',
      ballots: decision.participation.ballots.set(sender, content.ballot),
    },
  };
}

/**
 * Resolves the delegations of a public democracy decision against its ballots.
 *
 * @param decision - a public democracy decision
 * @param state - the state (for delegations)
 * @param context - the membership inputs (for group delegates)
 * @returns the resolution, and the weighted ballots to count
 */
export function publicDelegation(
  decision: Decision,
  state: GovernanceState,
  context: GovernanceContext,
): { resolution: DelegationResolution; ballots: WeightedBallot[] } {
  const rule = democracyRule(decision);
  if (rule === undefined || decision.participation.protocol !== 'democracy') {
    return { resolution: resolveDelegations(emptyInput()), ballots: [] };
  }
  const cast = decision.participation.ballots;
  const byKey = new Map<string, readonly number[]>();
  for (const [, ballot] of cast) byKey.set(ballotKey(ballot), ballot);
  const resolution = resolveDelegations({
    voters: decision.eligible,
    positionOf: (member) => {
      const ballot = cast.get(member);
      return ballot === undefined ? undefined : ballotKey(ballot);
    },
    delegationOf: rule.delegation
      ? (member) => effectiveDelegation(state.delegations.get(member), decision.id, decision.kind)
      : () => undefined,
    groupMembers: (group) => context.resolveGroup?.(group),
    groupDelegation: rule.groupDelegation,
  });
  const ballots: WeightedBallot[] = [];
  for (const member of [...resolution.memberWeights.keys()].sort()) {
    ballots.push({ ballot: cast.get(member)!, weight: resolution.memberWeights.get(member)! });
  }
  for (const group of resolution.groups) {
    for (const { position, weight } of group.casts) ballots.push({ ballot: byKey.get(position)!, weight });
  }
  return { resolution, ballots };
}

function emptyInput() {
  return {
    voters: [],
    positionOf: () => undefined,
    delegationOf: () => undefined,
    groupMembers: () => undefined,
    groupDelegation: 'fractional' as const,
  };
}

/**
 * Turns a count into an outcome: quorum, ties, threshold, motion.
 * @internal
 */
export function judge(
  decision: Decision,
  rule: DemocracyRule,
  count: CountResult,
  eligibleWeight: number,
  at: number,
  delegation: DelegationResolution | undefined,
): DecisionOutcome {
  const tally = { count, eligibleWeight, ...(delegation === undefined ? {} : { delegation }) };
  const end = (
    status: DecisionOutcome['status'],
    reason: DecisionOutcome['reason'],
    winners?: readonly number[],
  ) => ({
    status,
    reason,
    at,
    tally,
    ...(winners === undefined ? {} : { winners }),
  });
  if (count.countedWeight === 0) return end('expired', 'deadline');
  if (count.countedWeight < rule.quorum * eligibleWeight) return end('expired', 'quorum-not-met');
  const winners = count.winners;
  if (rule.method !== 'stv' && winners.length !== 1) return end('rejected', 'tie');
  if (winners.length === 0) return end('rejected', 'tie');
  if (count.totals !== undefined) {
    // total > threshold × counted rather than a division: 2 of 3 votes does not exceed 2/3
    if (!(count.totals[winners[0]!]! > rule.threshold * count.countedWeight)) {
      return end('rejected', 'threshold-not-met', winners);
    }
  }
  if (decision.motion) {
    return winners[0] === 0 && winners.length === 1
      ? end('adopted', 'approved', winners)
      : end('rejected', 'motion-defeated', winners);
  }
  return end('adopted', 'elected', winners);
}

/**
 * Closes a democracy decision at the end of its period: public ballots are counted now;
 * secret ones wait for their verified result (status `closed`).
 * @internal
 */
export function settleDemocracy(
  decision: Decision,
  state: GovernanceState,
  context: GovernanceContext,
): Decision {
  const rule = democracyRule(decision);
  if (rule === undefined) return decision;
  if (rule.ballot === 'secret') {
    if (decision.secret?.trustees !== undefined) return { ...decision, status: 'closed' };
    // Nobody named the trustees (a challenge escalated to a secret vote): no election could run.
    const outcome: DecisionOutcome = { status: 'expired', reason: 'no-trustees', at: decision.closesAt };
    return { ...decision, status: 'expired', outcome };
  }
  const { resolution, ballots } = publicDelegation(decision, state, context);
  const count = countBallots(rule, decision.options.length, ballots);
  const outcome = judge(decision, rule, count, decision.eligible.length, decision.closesAt, resolution);
  return { ...decision, status: outcome.status, outcome };
}

/**
 * Fixes the voter weights and trustees of a secret democracy decision when it opens. Whether a
 * member will vote is not known yet, so every eligible member who has not delegated holds
 * credentials; with delegation, chains of member delegations end at a holder, who carries the
 * summed weight. Weight delegated to a group is shared among the group's members who hold
 * credentials (the group's position is itself secret, so `majority` cannot apply: both modes
 * share): equal shares, whole votes by Hamilton's largest remainders, remainder ties to the
 * smaller member id. Weight caught in a cycle, or delegated to a group none of whose members
 * holds credentials, abstains. A member who delegated holds no credential.
 * @internal
 */
export function secretSetup(
  decision: Decision,
  state: GovernanceState,
  context: GovernanceContext,
  delegations: GovernanceState['delegations'] = state.delegations,
): SecretSetup {
  const rule = democracyRule(decision);
  const trustees = rule?.trustees === 'authority' ? { members: [] } : (rule?.trustees ?? decision.trustees);
  const named = trustees === undefined ? {} : { trustees };
  if (rule === undefined || !rule.delegation) {
    return { voters: decision.eligible.map((member) => ({ member, weight: 1 })), ...named };
  }
  const delegationOf = (member: MemberId) =>
    effectiveDelegation(delegations.get(member), decision.id, decision.kind);
  // Each holder is a position of its own, so that a group's weight is apportioned among its holders.
  const delegation = resolveDelegations({
    voters: decision.eligible,
    positionOf: (member) => (delegationOf(member) === undefined ? member : undefined),
    delegationOf,
    groupMembers: (group) => context.resolveGroup?.(group),
    groupDelegation: 'fractional',
  });
  const weights = new Map(delegation.memberWeights);
  for (const group of delegation.groups) {
    for (const { position, weight } of group.casts)
      weights.set(position, (weights.get(position) ?? 0) + weight);
  }
  const voters = [...weights.keys()].sort().map((member) => ({ member, weight: weights.get(member)! }));
  return { voters, delegation, ...named, delegationIds: coveringDelegationIds(state, decision) };
}

/**
 * Counts a secret democracy decision from its verified Helios-C result.
 * @internal
 */
export function settleSecretResult(
  decision: Decision,
  content: SecretResultContent,
  context: GovernanceContext,
  at: number,
): Step {
  const rule = democracyRule(decision);
  if (rule === undefined || rule.ballot !== 'secret') return 'wrong-protocol';
  if (decision.status !== 'closed' || decision.secret === undefined) return 'not-open';
  if (decision.secret.trustees === undefined) return 'unverified-result';
  const parameters = parametersOf(decision);
  if (context.verifySecretResult === undefined || !context.verifySecretResult(parameters, content)) {
    return 'unverified-result';
  }
  const optionCount = decision.options.length;
  let count: CountResult;
  if (parameters.homomorphic) {
    const totals = content.result;
    if (totals.length !== optionCount || !totals.every((total) => typeof total === 'number')) {
      return 'unverified-result';
    }
    const numbers = totals as readonly number[];
    const sum = numbers.reduce((a, b) => a + b, 0);
    const castWeight = rule.method === 'plurality' ? sum : content.castWeight;
    if (castWeight === undefined || castWeight > parameters.totalWeight) return 'unverified-result';
    if (content.castWeight !== undefined && content.castWeight !== castWeight) return 'unverified-result';
    if (numbers.some((total) => total > castWeight)) return 'unverified-result';
    count = countFromTotals(rule, numbers, castWeight);
  } else {
    const ballots = content.result;
    if (ballots.length > parameters.totalWeight) return 'unverified-result';
    const weighted: WeightedBallot[] = [];
    for (const ballot of ballots) {
      if (typeof ballot === 'number' || !fitsMethod(rule, optionCount, ballot)) return 'unverified-result';
      weighted.push({ ballot, weight: 1 });
    }
    count = countBallots(rule, optionCount, weighted);
  }
  const outcome = judge(decision, rule, count, decision.eligible.length, at, decision.secret.delegation);
  return { ...decision, status: outcome.status, outcome };
}
