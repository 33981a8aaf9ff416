import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FiniteFieldGroup } from '../finite-field-group';
import { chainPow, fixedBaseModPow, modPow, powerChain } from '../modular-exponentiation';
import { belenios2048 } from '../parameters/belenios-2048';
import { rfc3526_2048 } from '../parameters/rfc-3526-2048';
import { MontgomeryArithmetic } from './montgomery-arithmetic';

const packageDir = fileURLToPath(new URL('../../../', import.meta.url));

test('the committed module is the compilation of montgomery.wat', () => {
  execFileSync(process.execPath, ['scripts/build-montgomery-wasm.mjs', '--check'], { cwd: packageDir });
});

describe.each([
  ['BELENIOS-2048', belenios2048],
  ['RFC-3526-2048', rfc3526_2048],
])('%s: WebAssembly Montgomery exponentiation equals the bigint path', (_name, parameters) => {
  const { p } = parameters;
  const arithmetic = MontgomeryArithmetic.for(p);
  // Elements near 0, near p and anywhere between; exponents up to 2^2048.
  const element = fc.oneof(
    fc.bigInt({ min: 0n, max: p - 1n }),
    fc.bigInt({ min: 0n, max: 20n }),
    fc.bigInt({ min: p - 20n, max: p - 1n }),
  );
  const exponent = fc.oneof(
    fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }),
    fc.bigInt({ min: 0n, max: 300n }),
  );

  test('WebAssembly with SIMD is available here (Node 22)', () => {
    expect(arithmetic).toBeDefined();
  });

  test('power chains: x^e for several exponents of one base', () => {
    const a = arithmetic as MontgomeryArithmetic;
    fc.assert(
      fc.property(element, fc.array(exponent, { minLength: 1, maxLength: 4 }), (x, exponents) => {
        const chain = a.powerChain(x);
        const plain = powerChain(x, 64, p);
        for (const e of exponents) {
          a.extendPowerChain(chain, Math.max(1, Math.ceil(e.toString(16).length)));
          expect(a.chainPow(chain, e)).toBe(chainPow(plain, e, p));
        }
      }),
      { numRuns: 40 },
    );
  });

  test('products at the edges: 0, 1, p − 1, squares of p − 1', () => {
    const a = arithmetic as MontgomeryArithmetic;
    for (const x of [0n, 1n, 2n, p - 1n, p - 2n, (p - 1n) / 2n]) {
      const windows = Math.max(64, parameters.q.toString(16).length);
      const chain = a.powerChain(x);
      a.extendPowerChain(chain, windows);
      const plain = powerChain(x, windows, p);
      for (const e of [0n, 1n, 2n, 3n, 16n, 255n, (1n << 255n) + 1n, parameters.q, (1n << 256n) - 1n])
        expect(a.chainPow(chain, e)).toBe(chainPow(plain, e, p));
    }
  });

  test('fixed-base tables, including exponents beyond the table', () => {
    const a = arithmetic as MontgomeryArithmetic;
    fc.assert(
      fc.property(
        element,
        fc.array(exponent, { minLength: 1, maxLength: 3 }),
        fc.bigInt({ min: 0n, max: (1n << 2048n) - 1n }),
        (x, exponents, big) => {
          const power = a.fixedBase(x, 256);
          const plain = fixedBaseModPow(x, 256, p);
          for (const e of [...exponents, big]) expect(power(e)).toBe(plain(e));
        },
      ),
      { numRuns: 4 },
    );
  }, 60_000);

  const { q, g } = parameters;
  const qBits = q.toString(2).length;
  /** Bases and exponents at the edges: 0, 1, 2, q − 1, q, q + 1, p − 2, p − 1, g. */
  const edges = [0n, 1n, 2n, q - 1n, q, q + 1n, p - 2n, p - 1n, g];

  test('power chains: random bases and exponents up to 2^2048, and the edges', () => {
    const a = arithmetic as MontgomeryArithmetic;
    const anyExponent = fc.bigInt({ min: 0n, max: (1n << 2048n) - 1n });
    fc.assert(
      fc.property(
        fc.oneof(element, fc.constantFrom(...edges)),
        fc.oneof(anyExponent, fc.constantFrom(...edges)),
        (x, e) => {
          const chain = a.powerChain(x);
          a.extendPowerChain(chain, Math.ceil(e.toString(2).length / 4));
          expect(a.chainPow(chain, e)).toBe(modPow(x, e, p));
        },
      ),
      { numRuns: 25 },
    );
    for (const x of edges) {
      const chain = a.powerChain(x);
      a.extendPowerChain(chain, 512);
      for (const e of edges) expect(a.chainPow(chain, e), `${x}^${e}`).toBe(modPow(x, e, p));
    }
  }, 60_000);

  // 8-bit windows up to 512-bit exponents, 6-bit windows above: the sizes on either side of the
  // switch and the group's own (256 bits for BELENIOS-2048, 2047 for RFC-3526-2048).
  test.each([...new Set([qBits, 512, 513, 2048])])(
    'fixed-base tables for %i-bit exponents: random bases and exponents, and the edges',
    (maxBits) => {
      const a = arithmetic as MontgomeryArithmetic;
      const inTable = fc.bigInt({ min: 0n, max: (1n << BigInt(maxBits)) - 1n });
      const beyond = fc.bigInt({ min: 1n << BigInt(maxBits), max: (1n << BigInt(maxBits + 64)) - 1n });
      const top = (1n << BigInt(maxBits)) - 1n;
      const exponents = [...edges, top, top + 1n, 1n << BigInt(maxBits - 1)];
      fc.assert(
        fc.property(
          fc.oneof(element, fc.constantFrom(...edges)),
          fc.array(fc.oneof(inTable, beyond), { minLength: 8, maxLength: 8 }),
          (x, random) => {
            const power = a.fixedBase(x, maxBits);
            const plain = fixedBaseModPow(x, maxBits, p);
            for (const e of [...random, ...exponents]) {
              const expected = modPow(x, e, p);
              expect(power(e), `${x}^${e}`).toBe(expected);
              expect(plain(e)).toBe(expected);
            }
          },
        ),
        { numRuns: 3 },
      );
    },
    120_000,
  );

  test('a group on WebAssembly and one on bigint agree', () => {
    const fast = new FiniteFieldGroup(parameters);
    const slow = new FiniteFieldGroup(parameters, { arithmetic: 'bigint' });
    expect([fast.arithmetic, slow.arithmetic]).toEqual(['webassembly', 'bigint']);
    const scalar = fc.oneof(
      fc.bigInt({ min: 0n, max: parameters.q - 1n }),
      fc.constantFrom(0n, 1n, parameters.q - 1n, parameters.q, p - 1n),
    );
    fc.assert(
      fc.property(scalar, scalar, (e, f) => {
        const x = slow.powG(e);
        expect(fast.powG(e)).toBe(x);
        expect(fast.pow(x, f)).toBe(slow.pow(x, f));
        expect(fast.isMember(x)).toBe(true);
        expect(fast.isMember(p - x)).toBe(slow.isMember(p - x));
      }),
      { numRuns: 5 },
    );
    const y = slow.powG(987654321n);
    expect(fast.fixedBase(y)(parameters.q - 2n)).toBe(slow.fixedBase(y)(parameters.q - 2n));
  }, 60_000);
});

test('moduli the module cannot take fall back to bigint', () => {
  expect(MontgomeryArithmetic.for((1n << 2049n) | 1n)).toBeUndefined();
  expect(MontgomeryArithmetic.for(1000n)).toBeUndefined();
  expect(MontgomeryArithmetic.for(1019n)?.powerChain(5n).length).toBe(1);
});
