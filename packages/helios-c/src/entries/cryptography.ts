/**
 * The group-agnostic primitives every entry point of `@imago/helios-c` offers: encodings, errors,
 * the finite-field groups, JSON helpers, ElGamal, proofs, credentials and trustees.
 *
 * @module
 */
export {
  type GeneratedCredentials,
  generateCredentials,
  numberedVoters,
  parseVoters,
  publicCredentialsFromEntries,
  type Voter,
} from '../credentials/credential-authority';
export {
  decodePublicCredential,
  type PublicCredential,
  parsePublicCredentials,
} from '../credentials/public-credentials';
export {
  base58Alphabet,
  deriveCredentialSecret,
  derivePublicCredential,
  generateSecretCredential,
  isValidSecretCredential,
} from '../credentials/secret-credential';
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
} from '../elgamal/ciphertext';
export { discreteLog } from '../elgamal/discrete-log';
export { base64NoPadding } from '../encoding/base64';
export { bytesToBigInt, bytesToHex, fromUtf8, hexToBytes, utf8 } from '../encoding/bytes';
export { sha256Base64, sha256BigInt, sha256Hex } from '../encoding/sha256';
export { EmbeddingError } from '../errors/embedding-error';
export { HeliosCError } from '../errors/helios-c-error';
export { InvalidArchiveError } from '../errors/invalid-archive-error';
export { InvalidPlaintextError } from '../errors/invalid-plaintext-error';
export { MalformedInputError } from '../errors/malformed-input-error';
export { MalformedShuffleError } from '../errors/malformed-shuffle-error';
export { ShuffleError } from '../errors/shuffle-error';
export { UsageError } from '../errors/usage-error';
export {
  FiniteFieldGroup,
  type FiniteFieldGroupOptions,
  type FiniteFieldParameters,
} from '../groups/finite-field-group';
export {
  type FiniteFieldGroupName,
  finiteFieldGroup,
  finiteFieldGroups,
} from '../groups/finite-field-groups';
export type { AnyGroup, Group } from '../groups/group';
export { membershipTest } from '../groups/group';
export { type GroupRegistry, joinGroupRegistries } from '../groups/group-registry';
export { jacobi as jacobiSymbol } from '../groups/jacobi-symbol';
export { belenios2048 } from '../groups/parameters/belenios-2048';
export { rfc3526_2048 } from '../groups/parameters/rfc-3526-2048';
export { randomBelow } from '../groups/random-scalar';
export type { ParseResult } from '../json/decoder';
export { jsonString } from '../json/json-string';
export { serializeWeight, weightAt } from '../json/weight';
export { type BlankProofWitness, proveBlank, verifyBlank } from '../proofs/blank-proof';
export { proveDecryptionFactor, verifyDecryptionFactor } from '../proofs/decryption-proof';
export {
  discreteLogCommitment,
  pokChallenge,
  proveDiscreteLog,
  signatureChallenge,
  signedMessageChallenge,
  verifyDiscreteLog,
} from '../proofs/discrete-log-proof';
export {
  fixedPower,
  intervalCommitments,
  proveInterval,
  valueRange,
  verifyInterval,
} from '../proofs/interval-proof';
export { isProofInRange, modQ, type Proof } from '../proofs/proof';
export {
  decodeSignedMessage,
  type SignedMessage,
  serializeSignedMessage,
  signMessage,
  verifySignedMessage,
} from '../trustees/signed-message';
export { ccmDecrypt, ccmEncrypt } from '../trustees/threshold/aes-ccm';
export {
  type CertKeys,
  checkCertificates,
  generateCertificate,
  generatePolynomial,
  makeThresholdParameters,
  makeVerificationInputs,
  makeVerificationOutput,
  recoverDecryptionKey,
} from '../trustees/threshold/pedersen';
export {
  type PolynomialMessage,
  parseCertificate,
  parsePolynomial,
  parseVerificationInput,
  parseVerificationOutput,
  serializePolynomial,
  serializeVerificationInput,
  serializeVerificationOutput,
  type VerificationInput,
  type VerificationOutput,
} from '../trustees/threshold/pedersen-messages';
export {
  decryptMessage,
  deriveDecryptionKey,
  deriveSigningKey,
  encryptMessage,
  generateSeed,
  receiveOnChannel,
  sendOnChannel,
} from '../trustees/threshold/pki';
export { type GeneratedTrusteeKey, generateTrusteeKey, trusteeKeyId } from '../trustees/trustee-key';
export {
  decodeTrusteePublicKey,
  makeTrusteePublicKey,
  serializeProof,
  serializeTrusteePublicKey,
  type TrusteePublicKey,
  verifyTrusteePublicKey,
} from '../trustees/trustee-public-key';
export { type TrusteeSlot, trusteeSlots } from '../trustees/trustee-slots';
export {
  decodeCertKeys,
  decodeCoefexpsMessage,
  decodeTrustees,
  electionPublicKey,
  parseTrustees,
  serializeTrustees,
  type ThresholdParameters,
  type TrusteeKind,
  type Trustees,
  trusteeSubKey,
} from '../trustees/trustees';
