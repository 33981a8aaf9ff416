import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Ed25519Group } from '../groups/ed25519-group';
import type { AnyGroup } from '../groups/group';
import { groupByName } from '../groups/group-by-name';
import { combineCiphertexts, decryptToElement, encryptExponent, powCiphertext } from './ciphertext';
import { discreteLog } from './discrete-log';

const groups: [string, AnyGroup][] = [
  ['BELENIOS-2048', groupByName('BELENIOS-2048') as AnyGroup],
  ['Ed25519', new Ed25519Group()],
];

describe.each(groups)('exponential ElGamal over %s', (_name, group) => {
  const x = group.randomScalar();
  const y = group.powG(x);
  test('the product of encryptions decrypts to the sum, weights multiply', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 1, max: 5 }),
        (a, b, w) => {
          const c = combineCiphertexts(
            group,
            encryptExponent(group, y, BigInt(a), group.randomScalar()),
            powCiphertext(group, encryptExponent(group, y, BigInt(b), group.randomScalar()), BigInt(w)),
          );
          expect(discreteLog(group, decryptToElement(group, x, c), 1000n)).toBe(BigInt(a + b * w));
        },
      ),
      { numRuns: 4 },
    );
  });
  test('discrete logarithms out of range are not found', () => {
    expect(discreteLog(group, group.powG(101n), 100n)).toBeUndefined();
  });
});
