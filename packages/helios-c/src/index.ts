/**
 * Helios-C verifiable voting, wire-compatible with Belenios 2.0.
 *
 * @module @imago/helios-c
 */

export {
  type Archive,
  type ArchiveEvent,
  type ArchiveHeader,
  dataText,
  decodeEvent,
  type EventType,
  encodeArchiveHeader,
  encodeDataEntry,
  encodeEventEntry,
  eventTypes,
  type MisnamedEntry,
  readArchive,
  serializeEvent,
} from './archive/archive';
export { ArchiveBuilder } from './archive/archive-builder';
export {
  type ArchiveStep,
  archiveFromSteps,
  archiveSteps,
  dataHash,
  ownedStep,
  type SetupTexts,
  serializeOwned,
  serializeSetupPayload,
  setupStep,
  setupTextsOf,
} from './archive/archive-steps';
export {
  type CanonicalRecord,
  canonicalRecords,
  findLayoutDeviation,
  type LayoutDeviation,
} from './archive/canonical-layout';
export { encodeTarEntry, readTar, type TarEntry } from './archive/tar';
export {
  type Answer,
  type Ballot,
  ballotTracker,
  decodeBallot,
  decodeCiphertext,
  type HomomorphicAnswer,
  type NonHomomorphicAnswer,
  parseBallot,
  serializeBallot,
  serializeUnsignedBallot,
} from './ballot/ballot';
export { checkPlaintext, createBallot, type PlaintextBallot } from './ballot/create-ballot';
export {
  type GeneratedCredentials,
  generateCredentials,
  numberedVoters,
  parseVoters,
  publicCredentialsFromEntries,
  type Voter,
} from './credentials/credential-authority';
export {
  decodePublicCredential,
  type PublicCredential,
  parsePublicCredentials,
} from './credentials/public-credentials';
export {
  base58Alphabet,
  deriveCredentialSecret,
  derivePublicCredential,
  generateSecretCredential,
  isValidSecretCredential,
} from './credentials/secret-credential';
export { type Election, isValidUuid, parseElection } from './election/election';
export {
  type ElectionTemplate,
  parseElectionTemplate,
  serializeElection,
  serializeQuestion,
} from './election/make-election';
export {
  decodeQuestion,
  type HomomorphicQuestion,
  homomorphicAnswerLength,
  type NonHomomorphicQuestion,
  type Question,
} from './election/question';
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
export { InvalidArchiveError } from './errors/invalid-archive-error';
export { InvalidPlaintextError } from './errors/invalid-plaintext-error';
export { MalformedInputError } from './errors/malformed-input-error';
export { MalformedShuffleError } from './errors/malformed-shuffle-error';
export { ShuffleError } from './errors/shuffle-error';
export { UsageError } from './errors/usage-error';
export { Ed25519Group, type Ed25519Point } from './groups/ed25519-group';
export {
  FiniteFieldGroup,
  type FiniteFieldGroupOptions,
  type FiniteFieldParameters,
} from './groups/finite-field-group';
export type { AnyGroup, Group } from './groups/group';
export { type FiniteFieldGroupName, groupByName, groupNames } from './groups/group-by-name';
export { belenios2048 } from './groups/parameters/belenios-2048';
export { rfc3526_2048 } from './groups/parameters/rfc-3526-2048';
export { randomBelow } from './groups/random-scalar';
export type { ParseResult } from './json/decoder';
export { jsonString } from './json/json-string';
export { serializeWeight, weightAt } from './json/weight';
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
export {
  fixedPower,
  intervalCommitments,
  proveInterval,
  valueRange,
  verifyInterval,
} from './proofs/interval-proof';
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
export { currentTally, publishedDecryptions, talliedBallots } from './tally/archive-tally';
export {
  checkResult,
  combineFactors,
  decryptResult,
  type ElectionResult,
  lagrangeCoefficient,
  type MissingDecryptions,
  parseResult,
  serializeResult,
} from './tally/election-result';
export {
  computeEncryptedTally,
  decodeEncryptedTally,
  type EncryptedTally,
  parseEncryptedTally,
  parseSizedEncryptedTally,
  type SizedEncryptedTally,
  serializeEncryptedTally,
  serializeSizedEncryptedTally,
  type WeightedBallot,
} from './tally/encrypted-tally';
export {
  computePartialDecryption,
  type OwnedPartialDecryption,
  type PartialDecryption,
  parseOwned,
  parsePartialDecryption,
  serializePartialDecryption,
  verifyPartialDecryption,
} from './tally/partial-decryption';
export {
  decodeSignedMessage,
  type SignedMessage,
  serializeSignedMessage,
  signMessage,
  verifySignedMessage,
} from './trustees/signed-message';
export { ccmDecrypt, ccmEncrypt } from './trustees/threshold/aes-ccm';
export {
  type CertKeys,
  checkCertificates,
  generateCertificate,
  generatePolynomial,
  makeThresholdParameters,
  makeVerificationInputs,
  makeVerificationOutput,
  type PolynomialMessage,
  parseCertificate,
  parsePolynomial,
  parseVerificationInput,
  parseVerificationOutput,
  recoverDecryptionKey,
  serializePolynomial,
  serializeVerificationInput,
  serializeVerificationOutput,
  type VerificationInput,
  type VerificationOutput,
} from './trustees/threshold/pedersen';
export {
  decryptMessage,
  deriveDecryptionKey,
  deriveSigningKey,
  encryptMessage,
  generateSeed,
  receiveOnChannel,
  sendOnChannel,
} from './trustees/threshold/pki';
export { type GeneratedTrusteeKey, generateTrusteeKey, trusteeKeyId } from './trustees/trustee-key';
export {
  decodeTrusteePublicKey,
  makeTrusteePublicKey,
  serializeProof,
  serializeTrusteePublicKey,
  type TrusteePublicKey,
  verifyTrusteePublicKey,
} from './trustees/trustee-public-key';
export { type TrusteeSlot, trusteeSlots } from './trustees/trustee-slots';
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
} from './trustees/trustees';
export {
  type ArchiveVerification,
  type BallotBatch,
  type BallotBatchVerification,
  type BallotBatchVerifier,
  nonMemberCredentials,
  sequentialBallots,
  type VerifyArchiveOptions,
  verifyArchive,
  verifyArchiveStructure,
} from './verify/archive-verification';
export {
  type BallotRejection,
  type BallotVerification,
  verifyBallot,
  verifyHomomorphicAnswer,
} from './verify/ballot-verification';
export { type SetupRejection, verifySetup, verifyThresholdParameters } from './verify/setup-verification';
export type { CheckName, VerificationIssue } from './verify/verification-issue';
