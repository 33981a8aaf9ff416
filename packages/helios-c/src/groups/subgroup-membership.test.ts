import { describe, expect, it } from 'vitest';
import { FiniteFieldGroup } from './finite-field-group';
import { jacobi } from './jacobi-symbol';
import { belenios2048 } from './parameters/belenios-2048';
import { rfc3526_2048 } from './parameters/rfc-3526-2048';

describe('subgroup membership by Jacobi symbol (safe-prime groups)', () => {
  it('matches small Jacobi symbols', () => {
    // (a/15) for a = 1..14, from the textbook table.
    const expected = [1, 1, 0, 1, 0, 0, -1, 1, 0, 0, -1, 0, -1, -1];
    expect(expected.map((_, i) => jacobi(BigInt(i + 1), 15n))).toEqual(expected);
  });

  it('FiniteFieldGroup.isMember is x^q = 1 by plain square-and-multiply, on both reference groups', () => {
    // Independent reference: no Barrett reduction, no tables, no Jacobi symbol.
    const xq = (x: bigint, q: bigint, p: bigint) => {
      let r = 1n;
      let b = x % p;
      for (let e = q; e > 0n; e >>= 1n) {
        if (e & 1n) r = (r * b) % p;
        b = (b * b) % p;
      }
      return r === 1n;
    };
    for (const parameters of [rfc3526_2048, belenios2048]) {
      const group = new FiniteFieldGroup(parameters);
      const safe = group.p === 2n * group.q + 1n;
      expect(safe, parameters.name).toBe(parameters === rfc3526_2048);
      const members = [group.powG(group.randomScalar()), group.g, 1n];
      const others = [
        group.p - 1n,
        2n * group.p - 3n,
        (members[0] as bigint) * 5n,
        (members[0] as bigint) * (group.p - 1n),
      ];
      for (const x of [...members, ...others].map((v) => v % group.p)) {
        expect(group.isMember(x), `${parameters.name} ${x}`).toBe(xq(x, group.q, group.p));
      }
    }
  }, 60_000);
});
