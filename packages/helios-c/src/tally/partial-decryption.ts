/**
 * Partial decryptions (Belenios 2.0 specification §4.18): decryption factors `alpha^x` with proofs,
 * and the `owned_partial_decryption` payload linking one to its trustee.
 *
 * @module
 */
import { type OwnedRecord, parseOwnedRecord } from '../archive/archive-steps';
import type { Election } from '../election/election';
import type { Group } from '../groups/group';
import {
  arrayOf,
  elementAt,
  field,
  objectAt,
  type ParseResult,
  parseJsonText,
  proofAt,
  runDecoder,
} from '../json/decoder';
import { proveDecryptionFactor, verifyDecryptionFactor } from '../proofs/decryption-proof';
import type { Proof } from '../proofs/proof';
import { serializeProof } from '../trustees/trustee-public-key';
import type { EncryptedTally } from './encrypted-tally';

/** A trustee's partial decryption. */
export interface PartialDecryption<E> {
  readonly decryptionFactors: readonly (readonly E[])[];
  readonly decryptionProofs: readonly (readonly Proof[])[];
}

/** The payload of a `PartialDecryption` event. */
export type OwnedPartialDecryption = OwnedRecord;

/**
 * Computes a partial decryption with a trustee's secret key.
 * @param election - the election
 * @param tally - the (shuffled) encrypted tally
 * @param secretKey - the trustee's private key
 * @returns the partial decryption with proofs
 */
export function computePartialDecryption<E>(
  election: Election<E>,
  tally: EncryptedTally<E>,
  secretKey: bigint,
): PartialDecryption<E> {
  const group = election.group;
  const publicKey = group.powG(secretKey);
  return {
    decryptionFactors: tally.map((q) => q.map((c) => group.pow(c.alpha, secretKey))),
    decryptionProofs: tally.map((q) =>
      q.map((c) => proveDecryptionFactor(group, election.fingerprint, secretKey, publicKey, c.alpha)),
    ),
  };
}

/**
 * Verifies a partial decryption against the trustee's verification key.
 * @param election - the election
 * @param tally - the encrypted tally
 * @param publicKey - the trustee's verification key
 * @param pd - the partial decryption
 * @returns the path of the first invalid item, or `undefined` when all are valid
 */
export function verifyPartialDecryption<E>(
  election: Election<E>,
  tally: EncryptedTally<E>,
  publicKey: E,
  pd: PartialDecryption<E>,
): string | undefined {
  const group = election.group;
  if (pd.decryptionFactors.length !== tally.length || pd.decryptionProofs.length !== tally.length)
    return '$.decryption_factors';
  for (const [i, q] of tally.entries()) {
    const factors = pd.decryptionFactors[i]!;
    const proofs = pd.decryptionProofs[i]!;
    if (factors.length !== q.length) return `$.decryption_factors[${i}]`;
    if (proofs.length !== q.length) return `$.decryption_proofs[${i}]`;
    for (const [j, c] of q.entries()) {
      if (
        !verifyDecryptionFactor(
          group,
          election.fingerprint,
          publicKey,
          c.alpha,
          factors[j] as E,
          proofs[j] as Proof,
        )
      ) {
        return `$.decryption_proofs[${i}][${j}]`;
      }
    }
  }
  return undefined;
}

/**
 * Parses a `partial_decryption`.
 * @param group - the group
 * @param text - the JSON text
 * @returns the value or a MalformedInputError
 */
export function parsePartialDecryption<E>(group: Group<E>, text: string): ParseResult<PartialDecryption<E>> {
  return runDecoder(() => {
    const o = objectAt(parseJsonText(text), '$');
    return {
      decryptionFactors: arrayOf(field(o, 'decryption_factors', '$'), '$.decryption_factors', (v, p) =>
        arrayOf(v, p, (x, pp) => elementAt(x, pp, group)),
      ),
      decryptionProofs: arrayOf(field(o, 'decryption_proofs', '$'), '$.decryption_proofs', (v, p) =>
        arrayOf(v, p, (x, pp) => proofAt(x, pp, group.q)),
      ),
    };
  });
}

/**
 * Serializes a `partial_decryption` as belenios-tool does.
 * @param group - the group
 * @param pd - the partial decryption
 * @returns compact JSON
 */
export function serializePartialDecryption<E>(group: Group<E>, pd: PartialDecryption<E>): string {
  const factors = pd.decryptionFactors
    .map((q) => `[${q.map((x) => `"${group.toString(x)}"`).join(',')}]`)
    .join(',');
  const proofs = pd.decryptionProofs.map((q) => `[${q.map(serializeProof).join(',')}]`).join(',');
  return `{"decryption_factors":[${factors}],"decryption_proofs":[${proofs}]}`;
}

/**
 * Parses an `owned_partial_decryption` (the `owned` record of a `PartialDecryption` event).
 * @param text - the JSON text
 * @returns the value or a MalformedInputError
 */
export function parseOwned(text: string): ParseResult<OwnedPartialDecryption> {
  return parseOwnedRecord(text);
}
