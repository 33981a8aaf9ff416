/**
 * Combining partial decryptions and computing the election result (Belenios 2.0 specification
 * §4.19): synthetic factors per trustees item (Lagrange interpolation for `Pedersen` items), then a
 * bounded discrete logarithm for homomorphic questions and `group_decode` for non-homomorphic ones.
 *
 * @module
 */

import type { Election } from '../election/election';
import type { Ciphertext } from '../elgamal/ciphertext';
import { discreteLog } from '../elgamal/discrete-log';
import type { Group } from '../groups/group';
import { modInverse } from '../groups/modular-exponentiation';
import {
  arrayAt,
  arrayOf,
  fail,
  field,
  objectAt,
  type ParseResult,
  parseJsonText,
  runDecoder,
  smallIntAt,
} from '../json/decoder';
import { serializeWeight, weightAt } from '../json/weight';
import { groupEmbedding } from '../non-homomorphic/group-embedding';
import { nonHomomorphicResult } from '../non-homomorphic/non-homomorphic-result';
import { modQ } from '../proofs/proof';
import { trusteeSlots } from '../trustees/trustee-slots';
import type { Trustees } from '../trustees/trustees';
import type { EncryptedTally } from './encrypted-tally';
import type { PartialDecryption } from './partial-decryption';

/** Per question: weighted counts per answer (homomorphic) or one vector per ballot (non-homomorphic). */
export type ElectionResult = readonly (readonly number[] | readonly (readonly number[])[])[];

/** Why partial decryptions cannot be combined. */
export interface MissingDecryptions {
  /** Index of the trustees item lacking decryptions. */
  readonly item: number;
  readonly message: string;
}

/**
 * Lagrange coefficient `λ_δ = ∏_{k ∈ I∖{δ}} k / (k − δ) mod q`.
 * @param indices - the set `I` of 1-based trustee indices
 * @param delta - `δ ∈ I`
 * @param q - the group order
 * @returns the coefficient
 */
export function lagrangeCoefficient(indices: readonly number[], delta: number, q: bigint): bigint {
  let num = 1n;
  let den = 1n;
  for (const k of indices) {
    if (k === delta) continue;
    num = modQ(num * BigInt(k), q);
    den = modQ(den * BigInt(k - delta), q);
  }
  return modQ(num * modInverse(den, q), q);
}

/**
 * Combines partial decryptions into the synthetic factors `F_{i,j}`.
 * @param group - the group
 * @param trustees - the trustees structure
 * @param tally - the encrypted tally (for its shape)
 * @param decryptions - verified partial decryptions by owner
 * @returns the factors, or which item lacks decryptions
 */
export function combineFactors<E>(
  group: Group<E>,
  trustees: Trustees<E>,
  tally: EncryptedTally<E>,
  decryptions: ReadonlyMap<number, PartialDecryption<E>>,
): { ok: true; factors: E[][] } | { ok: false; missing: MissingDecryptions } {
  const slots = trusteeSlots(trustees);
  const factors: E[][] = tally.map((q) => q.map(() => group.one));
  for (const [item, t] of trustees.entries()) {
    const mine = slots.filter((s) => s.item === item && decryptions.has(s.owner));
    if (t.kind === 'Single') {
      const slot = mine[0];
      if (!slot)
        return { ok: false, missing: { item, message: `no partial decryption from trustee item ${item}` } };
      const pd = decryptions.get(slot.owner)!;
      for (const [i, q] of factors.entries())
        for (let j = 0; j < q.length; j++) q[j] = group.mul(q[j] as E, pd.decryptionFactors[i]![j] as E);
      continue;
    }
    const needed = t.parameters.threshold;
    if (mine.length < needed) {
      return {
        ok: false,
        missing: {
          item,
          message: `${mine.length} of the ${needed} partial decryptions needed for trustee item ${item}`,
        },
      };
    }
    const chosen = mine.slice(0, needed);
    const indices = chosen.map((s) => s.member);
    const lambdas = chosen.map((s) => lagrangeCoefficient(indices, s.member, group.q));
    for (const [i, q] of factors.entries()) {
      for (let j = 0; j < q.length; j++) {
        const bases = chosen.map((s) => decryptions.get(s.owner)!.decryptionFactors[i]![j] as E);
        q[j] = group.mul(q[j] as E, group.multiPow(bases, lambdas));
      }
    }
  }
  return { ok: true, factors };
}

/**
 * Decrypts the tally with the synthetic factors.
 * @param election - the election
 * @param tally - the (shuffled) encrypted tally
 * @param factors - the synthetic factors
 * @param totalWeight - the bound for discrete logarithms
 * @returns the result, or `undefined` if a logarithm is out of range
 */
export function decryptResult<E>(
  election: Election<E>,
  tally: EncryptedTally<E>,
  factors: readonly (readonly E[])[],
  totalWeight: bigint,
): ElectionResult | undefined {
  const group = election.group;
  const out: (number[] | number[][])[] = [];
  for (const [i, question] of election.questions.entries()) {
    const cs = tally[i] as readonly Ciphertext<E>[];
    const fs = factors[i] as readonly E[];
    if (question.kind === 'non-homomorphic') {
      out.push(nonHomomorphicResult(group, groupEmbedding(group), question.answers.length, cs, fs));
      continue;
    }
    const counts: number[] = [];
    for (const [j, c] of cs.entries()) {
      const m = discreteLog(group, group.div(c.beta, fs[j] as E), totalWeight);
      if (m === undefined) return undefined;
      counts.push(Number(m));
    }
    out.push(counts);
  }
  return out;
}

/**
 * Checks a published result against the tally without discrete logarithms:
 * `g^result = beta / F` for homomorphic questions, decoding for non-homomorphic ones.
 * @param election - the election
 * @param tally - the (shuffled) encrypted tally
 * @param factors - the synthetic factors
 * @param result - the published result
 * @returns the index of the first wrong question, or `undefined` when the result is right
 */
export function checkResult<E>(
  election: Election<E>,
  tally: EncryptedTally<E>,
  factors: readonly (readonly E[])[],
  result: ElectionResult,
): number | undefined {
  const group = election.group;
  if (result.length !== election.questions.length) return 0;
  for (const [i, question] of election.questions.entries()) {
    const cs = tally[i] as readonly Ciphertext<E>[];
    const fs = factors[i] as readonly E[];
    const published = result[i] as readonly (number | readonly number[])[];
    if (published.length !== cs.length) return i;
    if (question.kind === 'non-homomorphic') {
      let decoded: number[][];
      try {
        decoded = nonHomomorphicResult(group, groupEmbedding(group), question.answers.length, cs, fs);
      } catch {
        return i;
      }
      if (JSON.stringify(decoded) !== JSON.stringify(published)) return i;
      continue;
    }
    for (const [j, c] of cs.entries()) {
      const r = published[j];
      if (typeof r !== 'number' || !group.equals(group.powG(BigInt(r)), group.div(c.beta, fs[j] as E)))
        return i;
    }
  }
  return undefined;
}

/**
 * Parses a `result` payload.
 * @param text - the JSON text
 * @returns the result or a MalformedInputError
 */
export function parseResult(text: string): ParseResult<ElectionResult> {
  return runDecoder(() => {
    const o = objectAt(parseJsonText(text), '$');
    return arrayOf(field(o, 'result', '$'), '$.result', (q, p): number[] | number[][] => {
      const items = arrayAt(q, p);
      if (items.length > 0 && Array.isArray(items[0]))
        return arrayOf(q, p, (v, pp) => arrayOf(v, pp, smallIntAt));
      return arrayOf(q, p, (v, pp) => {
        const w = weightAt(v, pp);
        if (w > BigInt(Number.MAX_SAFE_INTEGER)) fail(pp, 'a count below 2^53');
        return Number(w);
      });
    });
  });
}

/**
 * Serializes a result as belenios-tool does.
 * @param result - the result
 * @returns compact JSON
 */
export function serializeResult(result: ElectionResult): string {
  const question = (q: ElectionResult[number]): string =>
    `[${q.map((x) => (Array.isArray(x) ? `[${x.join(',')}]` : serializeWeight(BigInt(x as number)))).join(',')}]`;
  return `{"result":[${result.map(question).join(',')}]}`;
}
