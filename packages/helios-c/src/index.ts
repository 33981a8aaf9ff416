/**
 * Helios-C verifiable voting, wire-compatible with Belenios 2.0.
 *
 * @module @imago/helios-c
 */

export {
  type Ciphertext,
  ciphertextToHashString,
  combineCiphertexts,
  decryptToElement,
  encryptElement,
  encryptExponent,
  neutralCiphertext,
  powCiphertext,
  reencrypt,
} from './elgamal/ciphertext';
export { discreteLog } from './elgamal/discrete-log';
export { base64NoPadding } from './encoding/base64';
export { bytesToBigInt, bytesToHex, fromUtf8, hexToBytes, utf8 } from './encoding/bytes';
export { sha256Base64, sha256BigInt, sha256Hex } from './encoding/sha256';
export { HeliosCError } from './errors/helios-c-error';
export { Ed25519Group, type Ed25519Point } from './groups/ed25519-group';
export { FiniteFieldGroup, type FiniteFieldParameters } from './groups/finite-field-group';
export type { AnyGroup, Group } from './groups/group';
export { groupByName, groupNames } from './groups/group-by-name';
export { belenios2048 } from './groups/parameters/belenios-2048';
export { rfc3526_2048 } from './groups/parameters/rfc-3526-2048';
export { randomBelow } from './groups/random-scalar';
export { type BlankProofWitness, proveBlank, verifyBlank } from './proofs/blank-proof';
export { proveDecryptionFactor, verifyDecryptionFactor } from './proofs/decryption-proof';
export {
  discreteLogCommitment,
  pokChallenge,
  proveDiscreteLog,
  signatureChallenge,
  signedMessageChallenge,
  verifyDiscreteLog,
} from './proofs/discrete-log-proof';
export { intervalCommitments, proveInterval, valueRange, verifyInterval } from './proofs/interval-proof';
export { isProofInRange, modQ, type Proof } from './proofs/proof';
