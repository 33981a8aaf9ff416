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
export { EmbeddingError } from './errors/embedding-error';
export { HeliosCError } from './errors/helios-c-error';
export { MalformedShuffleError } from './errors/malformed-shuffle-error';
export { ShuffleError } from './errors/shuffle-error';
export { Ed25519Group, type Ed25519Point } from './groups/ed25519-group';
export { FiniteFieldGroup, type FiniteFieldParameters } from './groups/finite-field-group';
export type { AnyGroup, Group } from './groups/group';
export { groupByName, groupNames } from './groups/group-by-name';
export { belenios2048 } from './groups/parameters/belenios-2048';
export { rfc3526_2048 } from './groups/parameters/rfc-3526-2048';
export { randomBelow } from './groups/random-scalar';
export {
  type Embedding,
  ed25519Embedding,
  isCanonicalPacking,
  maxIntegers,
  packIntegers,
  rfc3526Embedding,
  unpackIntegers,
} from './non-homomorphic/embedding';
export {
  type GroupEmbedding,
  type GroupEmbeddingOptions,
  groupEmbedding,
} from './non-homomorphic/group-embedding';
export {
  type EncryptedVector,
  encryptNonHomomorphicAnswer,
  type NonHomomorphicAnswerInput,
  verifyNonHomomorphicAnswer,
} from './non-homomorphic/non-homomorphic-answer';
export { nonHomomorphicIndices } from './non-homomorphic/non-homomorphic-question';
export {
  decryptNonHomomorphic,
  nonHomomorphicResult,
  sortNonHomomorphicCiphertexts,
} from './non-homomorphic/non-homomorphic-result';
export { proveRaweg, verifyRaweg } from './non-homomorphic/raweg-proof';
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
export { type ShuffleArchiveOptions, type ShuffleLines, shuffleArchive } from './shuffle/archive-shuffle';
export { checkShuffleProof } from './shuffle/check-shuffle-proof';
export { genPermutation, genShuffle, type ShuffleWitness } from './shuffle/gen-shuffle';
export { genShuffleProof } from './shuffle/gen-shuffle-proof';
export {
  getGenerator,
  type IndependentGenerators,
  independentGenerators,
} from './shuffle/independent-generators';
export {
  ciphertextsString,
  elementsString,
  nizkpChallenge,
  nizkpChallenges,
} from './shuffle/nizkp-challenges';
export {
  type OwnedShuffle,
  parseCiphertexts,
  parseOwnedShuffle,
  parseShuffle,
  type Shuffle,
  type ShuffleJson,
  shuffleToJson,
} from './shuffle/shuffle';
export {
  mergeShuffledCiphertexts,
  nonHomomorphicCiphertexts,
  type ShuffleContext,
  type ShuffleRejection,
  type ShuffleVerification,
  shuffleCiphertexts,
  verifyShuffles,
} from './shuffle/shuffle-election';
export {
  parseShuffleProof,
  type ShuffleProof,
  type ShuffleProofJson,
  shuffleProofToJson,
} from './shuffle/shuffle-proof';
export { jacobiSymbol, membershipTest } from './shuffle/subgroup-membership';
