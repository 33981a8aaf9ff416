/**
 * Proofs for questions that allow a blank vote (Belenios 2.0 specification §4.13):
 * `blank_proof` shows `m0 = 0 ∨ mΣ = 0` and `overall_proof` shows `m0 = 1 ∨ mΣ ∈ [min, max]`.
 *
 * @module
 */
import type { Ciphertext } from '../elgamal/ciphertext';
import type { Group } from '../groups/group';
import { intervalCommitments } from './interval-proof';
import { isProofInRange, modQ, type Proof } from './proof';

/** What the prover knows about a possibly-blank answer. */
export interface BlankProofWitness<E> {
  /** Encryption of `m0` (1 when blank). */
  readonly c0: Ciphertext<E>;
  /** `m0`. */
  readonly m0: 0 | 1;
  /** Randomness of `c0`. */
  readonly r0: bigint;
  /** Product of the encryptions of `m1 … mn`. */
  readonly cSigma: Ciphertext<E>;
  /** `mΣ = m1 + … + mn`. */
  readonly mSigma: number;
  /** Sum of the randomness of `m1 … mn`. */
  readonly rSigma: bigint;
}

function simulated<E>(
  group: Group<E>,
  publicKey: E,
  c: Ciphertext<E>,
  value: bigint,
): { proof: Proof; commitments: [E, E] } {
  const proof = { challenge: group.randomScalar(), response: group.randomScalar() };
  return { proof, commitments: intervalCommitments(group, publicKey, c, value, proof) };
}

/**
 * Builds `overall_proof` and `blank_proof` (§4.13.1 and §4.13.2).
 * @param group - the group
 * @param publicKey - the election key `y`
 * @param statement - the string `S`
 * @param min - the question's `min`
 * @param max - the question's `max`
 * @param witness - the encryptions, plaintexts and randomness
 * @returns both proofs
 */
export function proveBlank<E>(
  group: Group<E>,
  publicKey: E,
  statement: string,
  min: number,
  max: number,
  witness: BlankProofWitness<E>,
): { overallProof: Proof[]; blankProof: Proof[] } {
  const q = group.q;
  const { c0, m0, r0, cSigma, mSigma, rSigma } = witness;
  const k = max - min + 1;
  // blank_proof: m0 = 0 ∨ mΣ = 0; the true side is 0 when the vote is not blank.
  const blankTrue = m0 === 0 ? 0 : 1;
  const fake = simulated(group, publicKey, blankTrue === 0 ? cSigma : c0, 0n);
  const w = group.randomScalar();
  const real: [E, E] = [group.powG(w), group.pow(publicKey, w)];
  const blankCommitments = blankTrue === 0 ? [...real, ...fake.commitments] : [...fake.commitments, ...real];
  const blankHash = group.hash(`bproof0|${statement}|`, blankCommitments);
  const realChallenge = modQ(blankHash - fake.proof.challenge, q);
  const realProof = {
    challenge: realChallenge,
    response: modQ(w - (blankTrue === 0 ? r0 : rSigma) * realChallenge, q),
  };
  const blankProof = blankTrue === 0 ? [realProof, fake.proof] : [fake.proof, realProof];

  // overall_proof: m0 = 1 ∨ mΣ ∈ [min, max]; index 0 is the blank disjunct.
  const trueIndex = m0 === 1 ? 0 : mSigma - min + 1;
  const proofs: Proof[] = new Array(k + 1);
  const commitments: E[] = new Array(2 * (k + 1));
  let sum = 0n;
  for (let j = 0; j <= k; j++) {
    if (j === trueIndex) continue;
    const s =
      j === 0
        ? simulated(group, publicKey, c0, 1n)
        : simulated(group, publicKey, cSigma, BigInt(min + j - 1));
    proofs[j] = s.proof;
    [commitments[2 * j], commitments[2 * j + 1]] = s.commitments;
    sum += s.proof.challenge;
  }
  const v = group.randomScalar();
  commitments[2 * trueIndex] = group.powG(v);
  commitments[2 * trueIndex + 1] = group.pow(publicKey, v);
  const challenge = modQ(group.hash(`bproof1|${statement}|`, commitments) - sum, q);
  proofs[trueIndex] = { challenge, response: modQ(v - (trueIndex === 0 ? r0 : rSigma) * challenge, q) };
  return { overallProof: proofs, blankProof };
}

/**
 * Verifies `blank_proof` and `overall_proof` of a possibly-blank answer (§4.13.3).
 * @param group - the group
 * @param publicKey - `y`
 * @param statement - `S`
 * @param min - the question's `min`
 * @param max - the question's `max`
 * @param c0 - encryption of `m0`
 * @param cSigma - product of the encryptions of the choices
 * @param overallProof - `max − min + 2` proofs
 * @param blankProof - 2 proofs
 * @returns which proof failed, or `undefined` when both are valid
 */
export function verifyBlank<E>(
  group: Group<E>,
  publicKey: E,
  statement: string,
  min: number,
  max: number,
  c0: Ciphertext<E>,
  cSigma: Ciphertext<E>,
  overallProof: readonly Proof[],
  blankProof: readonly Proof[],
): 'blank_proof' | 'overall_proof' | undefined {
  const q = group.q;
  const [p0, pSigma] = blankProof;
  if (blankProof.length !== 2 || !p0 || !pSigma || !isProofInRange(p0, q) || !isProofInRange(pSigma, q))
    return 'blank_proof';
  const blankCommitments = [
    ...intervalCommitments(group, publicKey, c0, 0n, p0),
    ...intervalCommitments(group, publicKey, cSigma, 0n, pSigma),
  ];
  if (group.hash(`bproof0|${statement}|`, blankCommitments) !== modQ(p0.challenge + pSigma.challenge, q)) {
    return 'blank_proof';
  }
  const k = max - min + 1;
  if (overallProof.length !== k + 1) return 'overall_proof';
  const commitments: E[] = [];
  let sum = 0n;
  for (let j = 0; j <= k; j++) {
    const proof = overallProof[j] as Proof;
    if (!isProofInRange(proof, q)) return 'overall_proof';
    commitments.push(
      ...(j === 0
        ? intervalCommitments(group, publicKey, c0, 1n, proof)
        : intervalCommitments(group, publicKey, cSigma, BigInt(min + j - 1), proof)),
    );
    sum += proof.challenge;
  }
  return group.hash(`bproof1|${statement}|`, commitments) === modQ(sum, q) ? undefined : 'overall_proof';
}
