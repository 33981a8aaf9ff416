/**
 * A group as a delegate: the weight delegated to a group is cast according to the group's
 * position on the decision, read from its members' direct votes — apportioned among the positions
 * (`fractional`, largest remainders so weights stay whole votes) or all for the position most
 * members took (`majority`, nothing on a tie).
 *
 * @module
 */
import type { GroupDelegationMode } from '../control-table/protocol-rule';
import { compareIds, type GroupId, type MemberId } from '../membership/member-id';

/** How a group delegate cast the weight it received. */
export interface GroupDelegateReport {
  readonly group: GroupId;
  /** Weight delegated to the group (directly or through a chain of members). */
  readonly weight: number;
  /** Members of the group who voted directly on the decision. */
  readonly voters: number;
  /** Weight cast per position (canonical ballot key), sorted by key. Empty if none cast. */
  readonly casts: readonly { readonly position: string; readonly weight: number }[];
  /** Why nothing was cast, when nothing was: no member voted, the group is unknown, or a tie. */
  readonly idleReason?: 'no-voting-member' | 'unknown-group' | 'tie';
}

/** What casting a group's weight needs of the delegation input. */
export interface GroupDelegation {
  /** The members of a group, or `undefined` if the group is unknown. */
  groupMembers(group: GroupId): Iterable<MemberId> | undefined;
  /** How weight delegated to a group is cast. */
  readonly groupDelegation: GroupDelegationMode;
}

/**
 * How a group casts the weight delegated to it on one decision, from its members' direct votes.
 *
 * @param group - the group delegate.
 * @param weight - the weight that reached it.
 * @param input - its members and how group delegations are cast (`fractional` or `majority`).
 * @param index - each eligible voter's index.
 * @param positions - each eligible voter's direct position, by index.
 * @returns what the group cast, or why it cast nothing.
 * @internal
 */
export function castGroupWeight(
  group: GroupId,
  weight: number,
  input: GroupDelegation,
  index: ReadonlyMap<MemberId, number>,
  positions: readonly (string | undefined)[],
): GroupDelegateReport {
  const members = input.groupMembers(group);
  if (members === undefined) return { group, weight, voters: 0, casts: [], idleReason: 'unknown-group' };
  const tally = new Map<string, number>();
  const seen = new Set<MemberId>();
  for (const member of members) {
    if (seen.has(member)) continue;
    seen.add(member);
    const at = index.get(member);
    const position = at === undefined ? undefined : positions[at];
    if (position !== undefined) tally.set(position, (tally.get(position) ?? 0) + 1);
  }
  let voters = 0;
  for (const n of tally.values()) voters += n;
  if (voters === 0) return { group, weight, voters, casts: [], idleReason: 'no-voting-member' };
  const keys = [...tally.keys()].sort(compareIds);
  if (input.groupDelegation === 'majority') {
    let best = 0;
    let winners: string[] = [];
    for (const key of keys) {
      const n = tally.get(key)!;
      if (n > best) {
        best = n;
        winners = [key];
      } else if (n === best) winners.push(key);
    }
    if (winners.length > 1) return { group, weight, voters, casts: [], idleReason: 'tie' };
    return { group, weight, voters, casts: weight === 0 ? [] : [{ position: winners[0]!, weight }] };
  }
  return { group, weight, voters, casts: apportion(weight, keys, tally, voters) };
}

/**
 * Hamilton's largest-remainder apportionment of `weight` whole votes among positions in
 * proportion to `tally`; remainder ties go to the smaller key. Integer arithmetic only.
 */
function apportion(
  weight: number,
  keys: readonly string[],
  tally: ReadonlyMap<string, number>,
  voters: number,
): { position: string; weight: number }[] {
  const shares = keys.map((position) => {
    const product = weight * tally.get(position)!;
    return { position, weight: Math.floor(product / voters), remainder: product % voters };
  });
  let left = weight;
  for (const share of shares) left -= share.weight;
  const byRemainder = [...shares].sort(
    (a, b) => b.remainder - a.remainder || compareIds(a.position, b.position),
  );
  for (let i = 0; i < left; i++) byRemainder[i]!.weight++;
  return shares.filter((share) => share.weight > 0).map(({ position, weight }) => ({ position, weight }));
}
