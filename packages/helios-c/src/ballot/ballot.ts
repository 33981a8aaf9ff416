/**
 * Ballots (Belenios 2.0 specification §4.11, §4.14, §4.15): decoding, the canonical serialization
 * used for the signature hash, and the smart ballot tracker.
 *
 * @module
 */

import type { Election } from '../election/election';
import type { Ciphertext } from '../elgamal/ciphertext';
import { sha256Base64 } from '../encoding/sha256';
import type { Group } from '../groups/group';
import {
  arrayOf,
  elementAt,
  fail,
  field,
  objectAt,
  optionalField,
  type ParseResult,
  parseJsonText,
  proofAt,
  runDecoder,
  stringAt,
} from '../json/decoder';
import { jsonString } from '../json/json-string';
import type { Proof } from '../proofs/proof';
import { serializeProof } from '../trustees/trustee-public-key';

/** An answer to a homomorphic question (`answer_h`). */
export interface HomomorphicAnswer<E> {
  readonly kind: 'homomorphic';
  readonly choices: readonly Ciphertext<E>[];
  readonly individualProofs: readonly (readonly Proof[])[];
  readonly overallProof: readonly Proof[];
  readonly blankProof?: readonly Proof[];
}

/** An answer to a non-homomorphic question (`answer_nh`). */
export interface NonHomomorphicAnswer<E> {
  readonly kind: 'non-homomorphic';
  readonly choices: Ciphertext<E>;
  readonly proof: Proof;
}

/** An encrypted answer. */
export type Answer<E> = HomomorphicAnswer<E> | NonHomomorphicAnswer<E>;

/** A parsed ballot. */
export interface Ballot<E> {
  readonly electionUuid: string;
  readonly electionHash: string;
  readonly credential: E;
  readonly answers: readonly Answer<E>[];
  readonly signature: { readonly hash: string; readonly proof: Proof };
}

/**
 * Decodes a ciphertext `{alpha, beta}`, checking both are group members.
 * @param group - the group
 * @param value - the JSON value
 * @param path - its path
 * @returns the ciphertext
 */
export function decodeCiphertext<E>(group: Group<E>, value: unknown, path: string): Ciphertext<E> {
  const o = objectAt(value, path);
  return {
    alpha: elementAt(field(o, 'alpha', path), `${path}.alpha`, group),
    beta: elementAt(field(o, 'beta', path), `${path}.beta`, group),
  };
}

function decodeProofs(value: unknown, path: string, q: bigint): Proof[] {
  return arrayOf(value, path, (v, p) => proofAt(v, p, q));
}

/**
 * Decodes a ballot against an election (answer kinds follow the questions).
 * @param election - the election
 * @param value - the JSON value
 * @returns the ballot
 */
export function decodeBallot<E>(election: Election<E>, value: unknown): Ballot<E> {
  const group = election.group;
  const q = group.q;
  const o = objectAt(value, '$');
  const answersValue = arrayOf(field(o, 'answers', '$'), '$.answers', (v) => v);
  if (answersValue.length !== election.questions.length) fail('$.answers', 'one answer per question');
  const answers = answersValue.map((v, i): Answer<E> => {
    const path = `$.answers[${i}]`;
    const a = objectAt(v, path);
    const question = election.questions[i];
    if (question?.kind === 'non-homomorphic') {
      return {
        kind: 'non-homomorphic',
        choices: decodeCiphertext(group, field(a, 'choices', path), `${path}.choices`),
        proof: proofAt(field(a, 'proof', path), `${path}.proof`, q),
      };
    }
    const blank = optionalField(a, 'blank_proof');
    return {
      kind: 'homomorphic',
      choices: arrayOf(field(a, 'choices', path), `${path}.choices`, (c, p) => decodeCiphertext(group, c, p)),
      individualProofs: arrayOf(field(a, 'individual_proofs', path), `${path}.individual_proofs`, (p, pp) =>
        decodeProofs(p, pp, q),
      ),
      overallProof: decodeProofs(field(a, 'overall_proof', path), `${path}.overall_proof`, q),
      ...(blank === undefined ? {} : { blankProof: decodeProofs(blank, `${path}.blank_proof`, q) }),
    };
  });
  const signature = objectAt(field(o, 'signature', '$'), '$.signature');
  return {
    electionUuid: stringAt(field(o, 'election_uuid', '$'), '$.election_uuid'),
    electionHash: stringAt(field(o, 'election_hash', '$'), '$.election_hash'),
    credential: elementAt(field(o, 'credential', '$'), '$.credential', group),
    answers,
    signature: {
      hash: stringAt(field(signature, 'hash', '$.signature'), '$.signature.hash'),
      proof: proofAt(field(signature, 'proof', '$.signature'), '$.signature.proof', q),
    },
  };
}

/**
 * Parses a ballot from JSON text.
 * @param election - the election the ballot is for
 * @param text - the JSON text
 * @returns the ballot or a MalformedInputError naming the path
 */
export function parseBallot<E>(election: Election<E>, text: string): ParseResult<Ballot<E>> {
  return runDecoder(() => decodeBallot(election, parseJsonText(text)));
}

function serializeCiphertext<E>(group: Group<E>, c: Ciphertext<E>): string {
  return `{"alpha":"${group.toString(c.alpha)}","beta":"${group.toString(c.beta)}"}`;
}

function serializeProofs(proofs: readonly Proof[]): string {
  return `[${proofs.map(serializeProof).join(',')}]`;
}

function serializeAnswer<E>(group: Group<E>, a: Answer<E>): string {
  if (a.kind === 'non-homomorphic')
    return `{"choices":${serializeCiphertext(group, a.choices)},"proof":${serializeProof(a.proof)}}`;
  const blank = a.blankProof ? `,"blank_proof":${serializeProofs(a.blankProof)}` : '';
  return `{"choices":[${a.choices.map((c) => serializeCiphertext(group, c)).join(',')}],"individual_proofs":[${a.individualProofs
    .map(serializeProofs)
    .join(',')}],"overall_proof":${serializeProofs(a.overallProof)}${blank}}`;
}

/**
 * The ballot without its signature, serialized compactly with fields in specification order
 * (§4.15); its `H_JSON` is the hash the signature signs.
 * @param group - the group
 * @param ballot - the ballot (its signature is ignored)
 * @returns the JSON text
 */
export function serializeUnsignedBallot<E>(group: Group<E>, ballot: Omit<Ballot<E>, 'signature'>): string {
  return `{"election_uuid":${jsonString(ballot.electionUuid)},"election_hash":${jsonString(ballot.electionHash)},"credential":"${group.toString(
    ballot.credential,
  )}","answers":[${ballot.answers.map((a) => serializeAnswer(group, a)).join(',')}]}`;
}

/**
 * The full ballot, serialized as belenios-tool does.
 * @param group - the group
 * @param ballot - the ballot
 * @returns the JSON text
 */
export function serializeBallot<E>(group: Group<E>, ballot: Ballot<E>): string {
  const unsigned = serializeUnsignedBallot(group, ballot);
  return `${unsigned.slice(0, -1)},"signature":{"hash":${jsonString(ballot.signature.hash)},"proof":${serializeProof(ballot.signature.proof)}}}`;
}

/**
 * The smart ballot tracker: `H_JSON` of the ballot's exact text.
 * @param text - the ballot as submitted
 * @returns Base64 SHA-256 without padding
 */
export function ballotTracker(text: string | Uint8Array): string {
  return sha256Base64(text);
}
