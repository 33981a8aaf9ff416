/**
 * Where WebAssembly is missing, or has no 128-bit SIMD, or refuses to compile the module, the
 * groups take the native bigint path and give the same results. The module is compiled once per
 * import, so each case imports the groups afresh under its own stand-in for `WebAssembly`.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { modPow } from '../modular-exponentiation';
import { belenios2048 } from '../parameters/belenios-2048';
import { rfc3526_2048 } from '../parameters/rfc-3526-2048';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

async function freshGroups() {
  vi.resetModules();
  const { FiniteFieldGroup } = await import('../finite-field-group');
  const { MontgomeryArithmetic } = await import('./montgomery-arithmetic');
  return { FiniteFieldGroup, MontgomeryArithmetic };
}

const platforms: [string, () => unknown][] = [
  ['no WebAssembly at all', () => undefined],
  ['WebAssembly without SIMD (validate is false)', () => ({ ...WebAssembly, validate: () => false })],
  [
    'WebAssembly that refuses to compile',
    () => ({
      ...WebAssembly,
      validate: () => true,
      Module: class {
        constructor() {
          throw new WebAssembly.CompileError('refused');
        }
      },
    }),
  ],
];

describe.each(platforms)('%s', (_platform, standIn) => {
  test.each([
    ['BELENIOS-2048', belenios2048],
    ['RFC-3526-2048', rfc3526_2048],
  ])(
    '%s runs on bigint and gives the same powers',
    async (_name, parameters) => {
      const real = await freshGroups();
      const reference = new real.FiniteFieldGroup(parameters);
      expect(reference.arithmetic).toBe('webassembly');

      vi.stubGlobal('WebAssembly', standIn());
      const { FiniteFieldGroup, MontgomeryArithmetic } = await freshGroups();
      expect(MontgomeryArithmetic.for(parameters.p)).toBeUndefined();
      const group = new FiniteFieldGroup(parameters);
      expect(group.arithmetic).toBe('bigint');

      const { p, q, g } = parameters;
      const x = modPow(g, 123456789n, p);
      for (const e of [0n, 1n, 2n, q - 1n, 987654321987654321n]) {
        expect(group.powG(e)).toBe(modPow(g, e, p));
        expect(group.pow(x, e)).toBe(modPow(x, e, p));
        expect(group.fixedBase(x)(e)).toBe(reference.fixedBase(x)(e));
      }
      expect(group.isMember(x)).toBe(true);
      expect(group.isMember(p - 1n)).toBe(reference.isMember(p - 1n));
    },
    60_000,
  );
});

test("arithmetic: 'bigint' is taken even where WebAssembly is there", async () => {
  const { FiniteFieldGroup } = await freshGroups();
  expect(new FiniteFieldGroup(belenios2048, { arithmetic: 'bigint' }).arithmetic).toBe('bigint');
  expect(new FiniteFieldGroup(belenios2048).arithmetic).toBe('webassembly');
});
