/**
 * Verification of the setup (Belenios 2.0 specification §3.1, §4.5–§4.7): trustee proofs of
 * knowledge, threshold certificates, signed coefficient commitments, the consistency of threshold
 * verification keys with the committed polynomials, and the election key.
 *
 * @module
 */
import type { Election } from '../election/election';
import { HeliosCError } from '../errors/helios-c-error';
import type { Group } from '../groups/group';
import { verifySignedMessage } from '../trustees/signed-message';
import { verifyTrusteePublicKey } from '../trustees/trustee-public-key';
import {
  decodeCertKeys,
  decodeCoefexpsMessage,
  electionPublicKey,
  type ThresholdParameters,
  type Trustees,
} from '../trustees/trustees';

/** A failed setup check. */
export interface SetupRejection {
  readonly check: 'setup.trustees' | 'setup.election_key';
  readonly path: string;
  readonly message: string;
}

/**
 * Checks threshold parameters: certificates, coefexps signatures, verification keys.
 * @param group - the group
 * @param p - the parameters
 * @param path - their path in the trustees structure
 * @returns the rejection, or `undefined`
 */
export function verifyThresholdParameters<E>(
  group: Group<E>,
  p: ThresholdParameters<E>,
  path: string,
): SetupRejection | undefined {
  const reject = (sub: string, message: string): SetupRejection => ({
    check: 'setup.trustees',
    path: `${path}${sub}`,
    message,
  });
  const verifications: E[] = [];
  for (const [i, cert] of p.certs.entries()) {
    let keys: { verification: E; encryption: E };
    try {
      keys = decodeCertKeys(group, cert.message, `${path}.certs[${i}].message`);
    } catch (error) {
      if (HeliosCError.isInstance(error)) return reject(`.certs[${i}].message`, error.message);
      throw error;
    }
    if (!verifySignedMessage(group, keys.verification, cert))
      return reject(`.certs[${i}].signature`, 'invalid certificate signature');
    verifications.push(keys.verification);
  }
  const coefexps: E[][] = [];
  for (const [i, c] of p.coefexps.entries()) {
    if (!verifySignedMessage(group, verifications[i] as E, c))
      return reject(`.coefexps[${i}].signature`, 'invalid coefexps signature');
    try {
      const a = decodeCoefexpsMessage(group, c.message, `${path}.coefexps[${i}].message`);
      if (a.length !== p.threshold)
        return reject(`.coefexps[${i}].message`, `expected ${p.threshold} coefficients`);
      coefexps.push(a);
    } catch (error) {
      if (HeliosCError.isInstance(error)) return reject(`.coefexps[${i}].message`, error.message);
      throw error;
    }
  }
  for (const [j, key] of p.verificationKeys.entries()) {
    if (!verifyTrusteePublicKey(group, key))
      return reject(`.verification_keys[${j}].pok`, 'invalid proof of knowledge');
    // vk_j = ∏_i ∏_k A_ik^(j^k), trustees numbered from 1 (§4.6.6).
    const x = BigInt(j + 1);
    const bases: E[] = [];
    const exponents: bigint[] = [];
    for (const a of coefexps) {
      let power = 1n;
      for (const aik of a) {
        bases.push(aik);
        exponents.push(power);
        power = (power * x) % group.q;
      }
    }
    if (!group.equals(group.multiPow(bases, exponents), key.publicKey)) {
      return reject(
        `.verification_keys[${j}].public_key`,
        'verification key does not match the committed polynomials',
      );
    }
  }
  return undefined;
}

/**
 * Checks the trustees structure and that the election key is the product of its sub-keys.
 * @param election - the election
 * @param trustees - the trustees structure
 * @returns the rejection, or `undefined` when valid
 */
export function verifySetup<E>(election: Election<E>, trustees: Trustees<E>): SetupRejection | undefined {
  const group = election.group;
  for (const [i, t] of trustees.entries()) {
    if (t.kind === 'Single') {
      if (!verifyTrusteePublicKey(group, t.key)) {
        return {
          check: 'setup.trustees',
          path: `trustees[${i}][1].pok`,
          message: 'invalid proof of knowledge of the trustee key',
        };
      }
    } else {
      const rejection = verifyThresholdParameters(group, t.parameters, `trustees[${i}][1]`);
      if (rejection) return rejection;
    }
  }
  const y = electionPublicKey(group, trustees);
  if (y === undefined || !group.equals(y, election.publicKey)) {
    return {
      check: 'setup.election_key',
      path: 'election.public_key',
      message: 'election key is not the product of the trustees keys',
    };
  }
  return undefined;
}
