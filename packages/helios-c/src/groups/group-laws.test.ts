import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Ed25519Group } from './ed25519-group';
import type { AnyGroup } from './group';
import { groupByName } from './group-by-name';
import { chainPow, modPow, powerChain } from './modular-exponentiation';

const groups: [string, AnyGroup][] = [
  ['BELENIOS-2048', groupByName('BELENIOS-2048') as AnyGroup],
  ['RFC-3526-2048', groupByName('RFC-3526-2048') as AnyGroup],
  ['Ed25519', new Ed25519Group()],
];

describe.each(groups)('%s obeys the laws of a group of prime order q', (_name, group) => {
  const scalar = fc.bigInt({ min: 0n, max: group.q - 1n });
  test('g^a · g^b = g^(a+b), fixed-base and generic exponentiation agree', () => {
    fc.assert(
      fc.property(scalar, scalar, (a, b) => {
        const ga = group.powG(a);
        expect(group.equals(group.mul(ga, group.powG(b)), group.powG(a + b))).toBe(true);
        expect(group.equals(ga, group.pow(group.g, a))).toBe(true);
      }),
      { numRuns: 5 },
    );
  });
  test('g^q = 1, inverses, division', () => {
    expect(group.equals(group.pow(group.g, group.q), group.one)).toBe(true);
    const x = group.powG(12345n);
    expect(group.equals(group.mul(x, group.invert(x)), group.one)).toBe(true);
    expect(group.equals(group.div(x, x), group.one)).toBe(true);
  });
  test('multi-exponentiation equals the product of powers', () => {
    fc.assert(
      fc.property(fc.array(scalar, { minLength: 1, maxLength: 4 }), (exps) => {
        const bases = exps.map((_, i) => group.powG(BigInt(i + 7)));
        const expected = bases.reduce(
          (acc, b, i) => group.mul(acc, group.pow(b, exps[i] as bigint)),
          group.one,
        );
        expect(group.equals(group.multiPow(bases, exps), expected)).toBe(true);
      }),
      { numRuns: 3 },
    );
  });
  test('serialization round-trips and members are recognised', () => {
    const x = group.powG(987654321n);
    const text = group.toString(x);
    const back = group.parse(text);
    expect(back === undefined ? false : group.equals(back, x)).toBe(true);
    expect(group.isMember(x)).toBe(true);
    expect(group.parse('not an element')).toBeUndefined();
  });
});

describe('Ed25519 follows the conventions of later Belenios specifications', () => {
  const group = new Ed25519Group();
  test('order, generator y = 4/5, compressed form as a big-endian 64-digit hexadecimal integer', () => {
    expect(group.q).toBe(2n ** 252n + 27742317777372353535851937790883648493n);
    const p = 2n ** 255n - 19n;
    const y = (4n * modPowSmall(5n, p - 2n, p)) % p;
    // Belenios writes Z.to_hex (y lxor ((x land 1) lsl 255)), zero-padded to 64 digits; the
    // generator's x is even.
    expect(group.toString(group.g)).toBe(y.toString(16).padStart(64, '0'));
    expect(group.toString(group.g)).toBe('6666666666666666666666666666666666666666666666666666666666666658');
  });
  test('every element: the string is y + (x mod 2)·2^255 in hexadecimal, and parses back', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: group.q - 1n }), (e) => {
        const point = group.powG(e);
        const { x, y } = point.toAffine();
        const text = group.toString(point);
        expect(text).toBe((y + ((x & 1n) << 255n)).toString(16).padStart(64, '0'));
        expect(group.equals(group.parse(text) as typeof point, point)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
  test('non-canonical and malformed strings are refused', () => {
    const p = 2n ** 255n - 19n;
    // y = p + 1 stands for y = 1 but is not the canonical string of that point.
    expect(group.parse((p + 1n).toString(16).padStart(64, '0'))).toBeUndefined();
    const lettered = group.toString(group.powG(12345n));
    expect(lettered).toMatch(/[a-f]/);
    expect(group.parse(lettered.toUpperCase())).toBeUndefined();
    expect(group.parse(group.toString(group.g).slice(1))).toBeUndefined();
  });
  test('points of small order are not members', () => {
    // The point (0, −1) has order 2: y = p − 1, x even.
    const order2 = group.parse((2n ** 255n - 20n).toString(16).padStart(64, '0'));
    expect(order2).toBeDefined();
    expect(group.isMember(order2 as NonNullable<typeof order2>)).toBe(false);
  });
});

function modPowSmall(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  let base = b % m;
  let k = e;
  while (k > 0n) {
    if (k & 1n) r = (r * base) % m;
    base = (base * base) % m;
    k >>= 1n;
  }
  return r;
}

describe('membership in RFC-3526-2048 by the Jacobi symbol agrees with a^q = 1', () => {
  const group = groupByName('RFC-3526-2048') as AnyGroup & { p: bigint };
  test('members, their negations (order 2q) and the boundaries', () => {
    for (const e of [1n, 2n, 12345n, group.q - 1n]) {
      const x = group.powG(e) as bigint;
      expect(group.isMember(x)).toBe(true);
      expect(group.isMember(group.p - x)).toBe(false);
    }
    expect(group.isMember(0n)).toBe(false);
    expect(group.isMember(group.p)).toBe(false);
    expect(group.isMember(group.p - 1n)).toBe(false);
  });
});

describe('power chains (Yao) agree with square-and-multiply', () => {
  test.each([
    ['BELENIOS-2048', groupByName('BELENIOS-2048') as AnyGroup & { p: bigint; q: bigint }],
    ['RFC-3526-2048', groupByName('RFC-3526-2048') as AnyGroup & { p: bigint; q: bigint }],
  ])('%s', (_name, group) => {
    const { p, q } = group;
    const windows = Math.ceil(q.toString(2).length / 4);
    const naive = (base: bigint, e: bigint): bigint => {
      let r = 1n;
      for (let b = base % p, x = e; x > 0n; x >>= 1n, b = (b * b) % p) if (x & 1n) r = (r * b) % p;
      return r;
    };
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: p - 1n }),
        fc.array(fc.bigInt({ min: 0n, max: q - 1n }), { minLength: 1, maxLength: 4 }),
        (base, exponents) => {
          const chain = powerChain(base, windows, p);
          for (const e of exponents) {
            expect(chainPow(chain, e, p)).toBe(naive(base, e));
            expect(modPow(base, e, p)).toBe(naive(base, e));
          }
        },
      ),
      { numRuns: 12 },
    );
    const chain = powerChain(5n, windows, p);
    expect(chainPow(chain, 0n, p)).toBe(1n);
    expect(chainPow(chain, 16n ** BigInt(windows) - 1n, p)).toBe(naive(5n, 16n ** BigInt(windows) - 1n));
    expect(() => chainPow(chain, 16n ** BigInt(windows), p)).toThrow(RangeError);
  });
});
