import { describe, expect, it } from 'vitest';
import { FiniteFieldGroup } from '../groups/finite-field-group';
import { rfc3526_2048 } from '../groups/parameters/rfc-3526-2048';
import { jacobiSymbol, membershipTest } from './subgroup-membership';

describe('subgroup membership by Jacobi symbol (safe-prime groups)', () => {
  it('matches small Jacobi symbols', () => {
    // (a/15) for a = 1..14, from the textbook table.
    const expected = [1, 1, 0, 1, 0, 0, -1, 1, 0, 0, -1, 0, -1, -1];
    expect(expected.map((_, i) => jacobiSymbol(BigInt(i + 1), 15n))).toEqual(expected);
  });

  it('agrees with x^q = 1 on RFC-3526-2048 members and non-members', () => {
    const group = new FiniteFieldGroup(rfc3526_2048);
    const member = membershipTest(group);
    const samples = Array.from({ length: 12 }, (_, i) => {
      const x = group.powG(group.randomScalar());
      return i % 2 === 0 ? x : (x * (group.p - 1n)) % group.p;
    });
    for (const x of [...samples, 0n, 1n, group.p - 1n, group.p, group.p + 1n, -4n]) {
      expect(member(x)).toBe(group.isMember(x));
    }
  }, 60_000);
});
