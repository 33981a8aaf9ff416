/**
 * Liquid-democracy delegation resolution: where every eligible member's vote ends up.
 *
 * Semantics (documented in the README, section "Liquid democracy"):
 * - each eligible member carries weight 1;
 * - a member who voted directly keeps their own vote, whatever they delegated;
 * - a delegation to a member is transitive: weight follows the chain until it reaches a member
 *   who voted directly (that member casts it), a group (see below), a member who neither voted
 *   nor delegated or who is not eligible (the weight stays idle), or a cycle with no direct
 *   voter (the weight abstains, and the cycle is reported);
 * - a delegation to a group casts the weight (`group-delegate.ts`) according to the group's position on this very
 *   decision, read from the direct votes of its members: `fractional` apportions the weight among
 *   the distinct positions in proportion to how many members took each (largest remainders,
 *   so weights stay whole votes, as Helios-C weights must be); `majority` casts it all for the
 *   position most members took, and abstains on a tie. A group with no voting member leaves the
 *   weight idle.
 *
 * Weight is conserved: `direct + toGroups + inCycles + idle = voters.length`, and the weight
 * groups cast plus their idle/tied weight equals `toGroups`. Runs in O(members + delegations).
 *
 * @module
 */
import { compareIds, type GroupId, type MemberId } from '../membership/member-id';
import type { DelegationTarget } from './delegation-scope';
import { castGroupWeight, type GroupDelegateReport, type GroupDelegation } from './group-delegate';

/**
 * What delegation resolution needs to know about one decision (with the group members and the
 * group delegation mode of {@link GroupDelegation}).
 */
export interface DelegationInput extends GroupDelegation {
  /** The eligible members (each carries weight 1). Duplicates are ignored. */
  readonly voters: readonly MemberId[];
  /**
   * The position a member took by voting directly (a canonical key of their ballot), or
   * `undefined` if they did not vote directly.
   */
  positionOf(member: MemberId): string | undefined;
  /** The member's delegation that applies to this decision (scope already resolved), if any. */
  delegationOf(member: MemberId): DelegationTarget | undefined;
}

/** The result of {@link resolveDelegations}. */
export interface DelegationResolution {
  /** Total eligible weight (number of distinct voters). */
  readonly total: number;
  /**
   * Weight each direct voter casts: 1 + weight received through chains of members, keyed by
   * member, for every direct voter.
   */
  readonly memberWeights: ReadonlyMap<MemberId, number>;
  /** Per group delegate, sorted by group id. */
  readonly groups: readonly GroupDelegateReport[];
  /** Sum of `memberWeights`. */
  readonly direct: number;
  /** Weight that reached a group delegate. */
  readonly toGroups: number;
  /** Weight the groups cast (`toGroups` minus what stayed idle or tied). */
  readonly castByGroups: number;
  /** Weight caught in delegation cycles with no direct voter: abstains. */
  readonly inCycles: number;
  /** The cycles found, each as its members sorted, cycles sorted by first member. */
  readonly cycles: readonly (readonly MemberId[])[];
  /** Weight of members whose chain ends at nobody who votes (absent, ineligible delegate). */
  readonly idle: number;
  /** The largest weight held by one delegate (member or group), for concentration reports. */
  readonly maxWeight: number;
  /** Who holds {@link DelegationResolution.maxWeight} (smallest id on ties), if anyone voted. */
  readonly maxHolder?: { readonly member: MemberId } | { readonly group: GroupId };
}

const IDLE = -1;
const CYCLE = -2;
/** Terminal codes below this encode group indices: code = GROUP_BASE - groupIndex. */
const GROUP_BASE = -3;

/**
 * Resolves who casts each eligible member's weight for one decision.
 *
 * @param input - eligible voters, direct positions, applicable delegations and group membership
 * @returns weights per direct voter, per group, cycles, idle weight and concentration
 * @example
 * ```ts
 * const votes = new Map([['@c', 'yes']]);
 * const delegations = new Map([['@a', { member: '@b' }], ['@b', { member: '@c' }]]);
 * const resolution = resolveDelegations({
 *   voters: ['@a', '@b', '@c'],
 *   positionOf: (m) => votes.get(m),
 *   delegationOf: (m) => delegations.get(m),
 *   groupMembers: () => undefined,
 *   groupDelegation: 'fractional',
 * });
 * resolution.memberWeights.get('@c'); // 3
 * ```
 */
export function resolveDelegations(input: DelegationInput): DelegationResolution {
  const voters = [...new Set(input.voters)];
  const count = voters.length;
  const index = new Map<MemberId, number>();
  for (let i = 0; i < count; i++) index.set(voters[i]!, i);

  const positions: (string | undefined)[] = voters.map((member) => input.positionOf(member));
  const groupIds: GroupId[] = [];
  const groupIndex = new Map<GroupId, number>();
  const terminal = new Int32Array(count);
  // 0 unvisited, 1 on the current path, 2 resolved
  const mark = new Uint8Array(count);
  const pathPosition = new Int32Array(count);
  const cycles: MemberId[][] = [];
  const path: number[] = [];

  for (let start = 0; start < count; start++) {
    if (mark[start] !== 0) continue;
    path.length = 0;
    let current = start;
    let result: number;
    for (;;) {
      if (mark[current] === 2) {
        result = terminal[current]!;
        break;
      }
      if (mark[current] === 1) {
        const cycleStart = pathPosition[current]!;
        cycles.push(
          path
            .slice(cycleStart)
            .map((at) => voters[at]!)
            .sort(),
        );
        result = CYCLE;
        break;
      }
      mark[current] = 1;
      pathPosition[current] = path.length;
      path.push(current);
      if (positions[current] !== undefined) {
        result = current;
        break;
      }
      const target = input.delegationOf(voters[current]!);
      if (target === undefined) {
        result = IDLE;
        break;
      }
      if ('group' in target) {
        let at = groupIndex.get(target.group);
        if (at === undefined) {
          at = groupIds.length;
          groupIds.push(target.group);
          groupIndex.set(target.group, at);
        }
        result = GROUP_BASE - at;
        break;
      }
      const next = index.get(target.member);
      if (next === undefined) {
        result = IDLE;
        break;
      }
      current = next;
    }
    for (const at of path) {
      mark[at] = 2;
      terminal[at] = result;
    }
  }

  const memberWeights = new Map<MemberId, number>();
  const groupWeight = new Array<number>(groupIds.length).fill(0);
  let inCycles = 0;
  let idle = 0;
  let direct = 0;
  for (let i = 0; i < count; i++) {
    const t = terminal[i]!;
    if (t >= 0) {
      const member = voters[t]!;
      memberWeights.set(member, (memberWeights.get(member) ?? 0) + 1);
      direct++;
    } else if (t === IDLE) idle++;
    else if (t === CYCLE) inCycles++;
    else groupWeight[GROUP_BASE - t]!++;
  }

  const groups: GroupDelegateReport[] = [];
  let toGroups = 0;
  let castByGroups = 0;
  for (let g = 0; g < groupIds.length; g++) {
    const report = castGroupWeight(groupIds[g]!, groupWeight[g]!, input, index, positions);
    groups.push(report);
    toGroups += report.weight;
    for (const cast of report.casts) castByGroups += cast.weight;
  }
  groups.sort((a, b) => compareIds(a.group, b.group));
  cycles.sort((a, b) => compareIds(a[0]!, b[0]!));

  let maxWeight = 0;
  let maxHolder: DelegationResolution['maxHolder'];
  const sortedMembers = [...memberWeights.keys()].sort(compareIds);
  for (const member of sortedMembers) {
    const weight = memberWeights.get(member)!;
    if (weight > maxWeight) {
      maxWeight = weight;
      maxHolder = { member };
    }
  }
  for (const report of groups) {
    if (report.weight > maxWeight) {
      maxWeight = report.weight;
      maxHolder = { group: report.group };
    }
  }
  return {
    total: count,
    memberWeights,
    groups,
    direct,
    toGroups,
    castByGroups,
    inCycles,
    cycles,
    idle: idle,
    maxWeight,
    ...(maxHolder === undefined ? {} : { maxHolder }),
  };
}
