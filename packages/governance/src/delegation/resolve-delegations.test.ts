import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DelegationTarget } from './delegation-scope';
import { type DelegationInput, resolveDelegations } from './resolve-delegations';

function input(
  voters: string[],
  votes: Record<string, string>,
  delegations: Record<string, DelegationTarget>,
  groups: Record<string, string[]> = {},
  groupDelegation: 'fractional' | 'majority' = 'fractional',
): DelegationInput {
  return {
    voters,
    positionOf: (member) => votes[member],
    delegationOf: (member) => delegations[member],
    groupMembers: (group) => groups[group],
    groupDelegation,
  };
}

describe('resolveDelegations: person-to-person', () => {
  it('is transitive: a → b → c, c voted, c casts 3', () => {
    const resolution = resolveDelegations(
      input(['a', 'b', 'c'], { c: 'yes' }, { a: { member: 'b' }, b: { member: 'c' } }),
    );
    expect(resolution.memberWeights.get('c')).toBe(3);
    expect(resolution.direct).toBe(3);
    expect(resolution.maxWeight).toBe(3);
    expect(resolution.maxHolder).toEqual({ member: 'c' });
  });

  it('lets a direct vote override one’s own delegation and stop the chain', () => {
    const resolution = resolveDelegations(
      input(['a', 'b', 'c'], { b: 'no', c: 'yes' }, { a: { member: 'b' }, b: { member: 'c' } }),
    );
    expect(resolution.memberWeights.get('b')).toBe(2);
    expect(resolution.memberWeights.get('c')).toBe(1);
  });

  it('makes weight caught in a cycle with no direct voter abstain, and reports the cycle', () => {
    const resolution = resolveDelegations(
      input(
        ['a', 'b', 'c', 'd', 'e'],
        { e: 'yes' },
        { a: { member: 'b' }, b: { member: 'c' }, c: { member: 'a' }, d: { member: 'a' } },
      ),
    );
    expect(resolution.inCycles).toBe(4);
    expect(resolution.cycles).toEqual([['a', 'b', 'c']]);
    expect(resolution.memberWeights.get('e')).toBe(1);
  });

  it('leaves idle the weight of chains ending at someone who does not vote or is not eligible', () => {
    const resolution = resolveDelegations(
      input(['a', 'b', 'c'], { c: 'yes' }, { a: { member: 'b' }, b: { member: 'outsider' } }),
    );
    expect(resolution.idle).toBe(2);
    expect(resolution.direct).toBe(1);
  });
});

describe('resolveDelegations: to a group', () => {
  const groups = { tech: ['t1', 't2', 't3'] };
  const votes = { t1: 'A', t2: 'A', t3: 'B' };
  const delegations: Record<string, DelegationTarget> = {
    x: { group: 'tech' },
    y: { group: 'tech' },
    z: { member: 'y' },
  };
  const voters = ['t1', 't2', 't3', 'x', 'y', 'z'];

  it('fractional: apportions the weight by the group members’ votes (largest remainders)', () => {
    const resolution = resolveDelegations(input(voters, votes, delegations, groups, 'fractional'));
    const [tech] = resolution.groups;
    expect(tech?.weight).toBe(3);
    // 3 × 2/3 = 2 for A, 3 × 1/3 = 1 for B
    expect(tech?.casts).toEqual([
      { position: 'A', weight: 2 },
      { position: 'B', weight: 1 },
    ]);
    expect(resolution.castByGroups).toBe(3);
  });

  it('majority: casts it all for the group majority', () => {
    const resolution = resolveDelegations(input(voters, votes, delegations, groups, 'majority'));
    expect(resolution.groups[0]?.casts).toEqual([{ position: 'A', weight: 3 }]);
  });

  it('majority: abstains on a tie, reported', () => {
    const resolution = resolveDelegations(
      input(voters, { t1: 'A', t3: 'B' }, delegations, groups, 'majority'),
    );
    expect(resolution.groups[0]?.idleReason).toBe('tie');
    expect(resolution.castByGroups).toBe(0);
  });

  it('a group with no voting member or unknown to the resolver casts nothing', () => {
    expect(resolveDelegations(input(voters, {}, delegations, groups)).groups[0]?.idleReason).toBe(
      'no-voting-member',
    );
    expect(resolveDelegations(input(voters, votes, delegations, {})).groups[0]?.idleReason).toBe(
      'unknown-group',
    );
  });
});

describe('resolveDelegations: properties', () => {
  const scenario = fc.integer({ min: 1, max: 40 }).chain((size) =>
    fc.record({
      size: fc.constant(size),
      votes: fc.array(fc.option(fc.constantFrom('A', 'B', 'C'), { nil: undefined }), {
        minLength: size,
        maxLength: size,
      }),
      targets: fc.array(
        fc.option(
          fc.oneof(
            fc.integer({ min: 0, max: size + 2 }).map((to) => ({ member: `m${to}` }) as DelegationTarget),
            fc.constantFrom<DelegationTarget>({ group: 'g0' }, { group: 'g1' }, { group: 'ghost' }),
          ),
          { nil: undefined },
        ),
        { minLength: size, maxLength: size },
      ),
      groups: fc.array(fc.integer({ min: 0, max: size - 1 }), { maxLength: 8 }),
      mode: fc.constantFrom<'fractional' | 'majority'>('fractional', 'majority'),
    }),
  );

  it('conserves weight: direct + to groups + in cycles + idle = eligible, and groups cast at most what they got', () => {
    fc.assert(
      fc.property(scenario, ({ size, votes, targets, groups, mode }) => {
        const voters = Array.from({ length: size }, (_, i) => `m${i}`);
        const resolution = resolveDelegations({
          voters,
          positionOf: (member) => votes[Number(member.slice(1))],
          delegationOf: (member) => {
            const target = targets[Number(member.slice(1))];
            return target !== undefined && 'member' in target && target.member === member
              ? undefined
              : target;
          },
          groupMembers: (group) =>
            group === 'g0' ? groups.map((i) => `m${i}`) : group === 'g1' ? voters.slice(0, 3) : undefined,
          groupDelegation: mode,
        });
        const sum = [...resolution.memberWeights.values()].reduce((a, b) => a + b, 0);
        expect(sum).toBe(resolution.direct);
        expect(resolution.direct + resolution.toGroups + resolution.inCycles + resolution.idle).toBe(size);
        for (const group of resolution.groups) {
          const cast = group.casts.reduce((a, c) => a + c.weight, 0);
          expect(cast === group.weight || cast === 0).toBe(true);
        }
        // every direct voter casts at least their own vote
        for (let i = 0; i < size; i++) {
          if (votes[i] !== undefined) expect(resolution.memberWeights.get(`m${i}`)).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('without groups or idle chains: delegated weight = direct voters’ weight + abstained-in-cycle weight', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }).chain((size) =>
          fc.record({
            size: fc.constant(size),
            direct: fc.array(fc.boolean(), { minLength: size, maxLength: size }),
            to: fc.array(fc.integer({ min: 0, max: size - 1 }), { minLength: size, maxLength: size }),
          }),
        ),
        ({ size, direct, to }) => {
          // everyone either votes or delegates to another member: no idle weight possible
          if (size === 1) direct[0] = true;
          const voters = Array.from({ length: size }, (_, i) => `m${i}`);
          const resolution = resolveDelegations({
            voters,
            positionOf: (member) => (direct[Number(member.slice(1))] ? 'x' : undefined),
            delegationOf: (member) => {
              const i = Number(member.slice(1));
              const target = to[i]!;
              return { member: `m${target === i ? (i + 1) % size : target}` };
            },
            groupMembers: () => undefined,
            groupDelegation: 'fractional',
          });
          const directVoters = direct.filter(Boolean).length;
          expect(resolution.idle).toBe(0);
          expect(resolution.direct + resolution.inCycles).toBe(size);
          expect(resolution.memberWeights.size).toBe(directVoters);
          if (directVoters === 0) expect(resolution.inCycles).toBe(size);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order voters are listed in', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }).chain((size) =>
          fc.record({
            to: fc.array(fc.integer({ min: -1, max: size - 1 }), { minLength: size, maxLength: size }),
            order: fc.shuffledSubarray(
              Array.from({ length: size }, (_, i) => i),
              { minLength: size, maxLength: size },
            ),
          }),
        ),
        ({ to, order }) => {
          const voters = to.map((_, i) => `m${i}`);
          const build = (list: string[]) =>
            resolveDelegations({
              voters: list,
              positionOf: (member) => (to[Number(member.slice(1))] === -1 ? 'x' : undefined),
              delegationOf: (member) => {
                const target = to[Number(member.slice(1))]!;
                return target === -1 ? undefined : { member: `m${target}` };
              },
              groupMembers: () => undefined,
              groupDelegation: 'fractional',
            });
          const a = build(voters);
          const b = build(order.map((i) => `m${i}`));
          expect(new Map([...b.memberWeights].sort())).toEqual(new Map([...a.memberWeights].sort()));
          expect(b.cycles).toEqual(a.cycles);
          expect([b.inCycles, b.idle, b.maxWeight]).toEqual([a.inCycles, a.idle, a.maxWeight]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
