import { describe, expect, test } from 'vitest';
import { combineCiphertexts, encryptExponent } from '../elgamal/ciphertext';
import { Ed25519Group } from '../groups/ed25519-group';
import type { AnyGroup } from '../groups/group';
import { groupByName } from '../groups/group-by-name';
import { proveBlank, verifyBlank } from './blank-proof';
import { proveDecryptionFactor, verifyDecryptionFactor } from './decryption-proof';
import { pokChallenge, proveDiscreteLog, verifyDiscreteLog } from './discrete-log-proof';
import { proveInterval, valueRange, verifyInterval } from './interval-proof';

const groups: [string, AnyGroup][] = [
  ['BELENIOS-2048', groupByName('BELENIOS-2048') as AnyGroup],
  ['Ed25519', new Ed25519Group()],
];

describe.each(groups)('proofs over %s: valid proofs verify, altered ones do not', (_name, group) => {
  const x = group.randomScalar();
  const y = group.powG(x);
  test('proof of knowledge', () => {
    const proof = proveDiscreteLog(group, x, pokChallenge(group, y));
    expect(verifyDiscreteLog(group, y, proof, pokChallenge(group, y))).toBe(true);
    expect(
      verifyDiscreteLog(
        group,
        y,
        { ...proof, response: (proof.response + 1n) % group.q },
        pokChallenge(group, y),
      ),
    ).toBe(false);
  });
  test('interval proof, for each true index', () => {
    for (const m of [1, 2, 3]) {
      const r = group.randomScalar();
      const c = encryptExponent(group, y, BigInt(m), r);
      const proof = proveInterval(group, y, 'S', c, r, m - 1, valueRange(1, 3));
      expect(verifyInterval(group, y, 'S', c, valueRange(1, 3), proof)).toBe(true);
      expect(verifyInterval(group, y, 'other', c, valueRange(1, 3), proof)).toBe(false);
      expect(verifyInterval(group, y, 'S', c, valueRange(2, 4), proof)).toBe(false);
    }
  });
  test('a ciphertext outside the range cannot be proven', () => {
    const r = group.randomScalar();
    const c = encryptExponent(group, y, 5n, r);
    const proof = proveInterval(group, y, 'S', c, r, 0, [0n, 1n]);
    expect(verifyInterval(group, y, 'S', c, [0n, 1n], proof)).toBe(false);
  });
  test('blank and non-blank answers', () => {
    for (const [m0, choices] of [
      [1, [0, 0]],
      [0, [1, 0]],
      [0, [1, 1]],
    ] as const) {
      const r0 = group.randomScalar();
      const rs = choices.map(() => group.randomScalar());
      const c0 = encryptExponent(group, y, BigInt(m0), r0);
      const cs = choices.map((m, i) => encryptExponent(group, y, BigInt(m), rs[i] as bigint));
      const cSigma = combineCiphertexts(group, cs[0] as never, cs[1] as never);
      const mSigma = choices[0] + choices[1];
      const { overallProof, blankProof } = proveBlank(group, y, 'S', 1, 2, {
        c0,
        m0,
        r0,
        cSigma,
        mSigma,
        rSigma: ((rs[0] as bigint) + (rs[1] as bigint)) % group.q,
      });
      expect(verifyBlank(group, y, 'S', 1, 2, c0, cSigma, overallProof, blankProof)).toBeUndefined();
      expect(verifyBlank(group, y, 'S', 1, 2, cSigma, c0, overallProof, blankProof)).toBeDefined();
    }
  });
  test('decryption factor proof', () => {
    const alpha = group.powG(group.randomScalar());
    const factor = group.pow(alpha, x);
    const proof = proveDecryptionFactor(group, 'fp', x, y, alpha);
    expect(verifyDecryptionFactor(group, 'fp', y, alpha, factor, proof)).toBe(true);
    expect(verifyDecryptionFactor(group, 'fp', y, alpha, group.mul(factor, group.g), proof)).toBe(false);
  });
});
