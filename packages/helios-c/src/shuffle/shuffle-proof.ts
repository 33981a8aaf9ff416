/**
 * The `shuffle_proof` structure (Belenios 2.0 specification §4.17) and its JSON form:
 * `[[t₁, t₂, t₃, [t₄₁, t₄₂], [t̂₁…t̂_N]], [s₁, s₂, s₃, s₄, [ŝ₁…ŝ_N], [s'₁…s'_N]], [c₁…c_N], [ĉ₁…ĉ_N]]`
 * with group elements serialized by the group and scalars in base 10.
 *
 * @module
 */
import { MalformedShuffleError } from '../errors/malformed-shuffle-error';
import type { Group } from '../groups/group';

/** A proof that a list of ciphertexts is a re-encryption and permutation of another. */
export interface ShuffleProof<E> {
  /** `shuffle_commitment_rand`: `t₁, t₂, t₃, (t₄₁, t₄₂), [t̂₁…t̂_N]`. */
  readonly commitments: {
    readonly t1: E;
    readonly t2: E;
    readonly t3: E;
    readonly t4: readonly [E, E];
    readonly tHat: readonly E[];
  };
  /** `shuffle_response`: `s₁…s₄, [ŝ₁…ŝ_N], [s'₁…s'_N]`. */
  readonly responses: {
    readonly s1: bigint;
    readonly s2: bigint;
    readonly s3: bigint;
    readonly s4: bigint;
    readonly sHat: readonly bigint[];
    readonly sPrime: readonly bigint[];
  };
  /** `shuffle_commitment_perm`: the permutation commitment `c`. */
  readonly permutationCommitment: readonly E[];
  /** `shuffle_chained_challenges`: the commitment chain `ĉ`. */
  readonly chainedCommitments: readonly E[];
}

/** JSON form of {@link ShuffleProof}. */
export type ShuffleProofJson = [
  [string, string, string, [string, string], string[]],
  [string, string, string, string, string[], string[]],
  string[],
  string[],
];

/**
 * The JSON form of a shuffle proof.
 * @param group - the election group
 * @param proof - the proof
 * @returns nested arrays of strings, as in Belenios
 */
export function shuffleProofToJson<E>(group: Group<E>, proof: ShuffleProof<E>): ShuffleProofJson {
  const s = (x: E) => group.toString(x);
  const { commitments: t, responses: r } = proof;
  return [
    [s(t.t1), s(t.t2), s(t.t3), [s(t.t4[0]), s(t.t4[1])], t.tHat.map(s)],
    [
      r.s1.toString(10),
      r.s2.toString(10),
      r.s3.toString(10),
      r.s4.toString(10),
      r.sHat.map((x) => x.toString(10)),
      r.sPrime.map((x) => x.toString(10)),
    ],
    proof.permutationCommitment.map(s),
    proof.chainedCommitments.map(s),
  ];
}

const decimal = /^(0|[1-9][0-9]*)$/;

/** Readers that turn untrusted JSON into typed values or throw `MalformedShuffleError`. */
export class ShuffleJsonReader<E> {
  /** @param group - the group whose elements are read */
  constructor(readonly group: Group<E>) {}

  /** An array of exactly `length` items (any length when omitted). */
  array(json: unknown, path: string, length?: number): unknown[] {
    if (!Array.isArray(json)) throw new MalformedShuffleError(path, 'expected an array');
    if (length !== undefined && json.length !== length) {
      throw new MalformedShuffleError(path, `expected ${length} items, found ${json.length}`);
    }
    return json;
  }

  /** A group element in canonical form (membership is checked by the verifier). */
  element(json: unknown, path: string): E {
    const value = typeof json === 'string' ? this.group.parse(json) : undefined;
    if (value === undefined) throw new MalformedShuffleError(path, 'expected a group element');
    return value;
  }

  /** A scalar in `[0, q)`, written in base 10. */
  scalar(json: unknown, path: string): bigint {
    if (typeof json !== 'string' || !decimal.test(json))
      throw new MalformedShuffleError(path, 'expected an integer');
    const value = BigInt(json);
    if (value >= this.group.q) throw new MalformedShuffleError(path, 'integer not below the group order');
    return value;
  }

  /** An array of group elements. */
  elements(json: unknown, path: string): E[] {
    return this.array(json, path).map((x, i) => this.element(x, `${path}[${i}]`));
  }

  /** An array of scalars. */
  scalars(json: unknown, path: string): bigint[] {
    return this.array(json, path).map((x, i) => this.scalar(x, `${path}[${i}]`));
  }
}

/**
 * Parses the JSON form of a shuffle proof.
 * @param group - the election group
 * @param json - parsed JSON
 * @param path - path of `json` in the enclosing document, for error messages
 * @returns the proof
 * @throws {@link MalformedShuffleError} naming the first malformed field
 */
export function parseShuffleProof<E>(group: Group<E>, json: unknown, path = ''): ShuffleProof<E> {
  const read = new ShuffleJsonReader(group);
  const [t, s, c, cHat] = read.array(json, path, 4);
  const [t1, t2, t3, t4, tHat] = read.array(t, `${path}[0]`, 5);
  const [t41, t42] = read.array(t4, `${path}[0][3]`, 2);
  const [s1, s2, s3, s4, sHat, sPrime] = read.array(s, `${path}[1]`, 6);
  return {
    commitments: {
      t1: read.element(t1, `${path}[0][0]`),
      t2: read.element(t2, `${path}[0][1]`),
      t3: read.element(t3, `${path}[0][2]`),
      t4: [read.element(t41, `${path}[0][3][0]`), read.element(t42, `${path}[0][3][1]`)],
      tHat: read.elements(tHat, `${path}[0][4]`),
    },
    responses: {
      s1: read.scalar(s1, `${path}[1][0]`),
      s2: read.scalar(s2, `${path}[1][1]`),
      s3: read.scalar(s3, `${path}[1][2]`),
      s4: read.scalar(s4, `${path}[1][3]`),
      sHat: read.scalars(sHat, `${path}[1][4]`),
      sPrime: read.scalars(sPrime, `${path}[1][5]`),
    },
    permutationCommitment: read.elements(c, `${path}[2]`),
    chainedCommitments: read.elements(cHat, `${path}[3]`),
  };
}
