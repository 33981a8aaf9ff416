/**
 * The group-agnostic election records every entry point of `@imago/helios-c` offers: archives,
 * ballots, elections, non-homomorphic questions, shuffles, tallies and verification.
 *
 * @module
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
} from '../archive/archive';
export { ArchiveBuilder } from '../archive/archive-builder';
export {
  type ArchiveStep,
  archiveFromSteps,
  archiveSteps,
  dataHash,
  decodeOwnedRecord,
  type OwnedRecord,
  ownedStep,
  parseOwnedRecord,
  type SetupTexts,
  serializeOwned,
  serializeSetupPayload,
  setupStep,
  setupTextsOf,
} from '../archive/archive-steps';
export {
  type CanonicalRecord,
  canonicalRecords,
  findLayoutDeviation,
  type LayoutDeviation,
} from '../archive/canonical-layout';
export { encodeTarEntry, readTar, type TarEntry } from '../archive/tar';
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
} from '../ballot/ballot';
export { checkPlaintext, createBallot, type PlaintextBallot } from '../ballot/create-ballot';
export { type Election, isValidUuid } from '../election/election';
export {
  type ElectionTemplate,
  parseElectionTemplate,
  serializeElection,
  serializeQuestion,
} from '../election/make-election';
export {
  decodeQuestion,
  type HomomorphicQuestion,
  homomorphicAnswerLength,
  type NonHomomorphicQuestion,
  type Question,
} from '../election/question';
export {
  type Embedding,
  ed25519Embedding,
  isCanonicalPacking,
  maxIntegers,
  packIntegers,
  rfc3526Embedding,
  unpackIntegers,
} from '../non-homomorphic/embedding';
export {
  type GroupEmbedding,
  type GroupEmbeddingOptions,
  groupEmbedding,
} from '../non-homomorphic/group-embedding';
export {
  type EncryptedVector,
  encryptNonHomomorphicAnswer,
  type NonHomomorphicAnswerInput,
  verifyNonHomomorphicAnswer,
} from '../non-homomorphic/non-homomorphic-answer';
export { nonHomomorphicIndices } from '../non-homomorphic/non-homomorphic-question';
export {
  decryptNonHomomorphic,
  nonHomomorphicResult,
  sortNonHomomorphicCiphertexts,
} from '../non-homomorphic/non-homomorphic-result';
export { proveRaweg, verifyRaweg } from '../non-homomorphic/raweg-proof';
export type { ShuffleArchiveOptions, ShuffleLines } from '../shuffle/archive-shuffle';
export { checkShuffleProof } from '../shuffle/check-shuffle-proof';
export { genPermutation, genShuffle, type ShuffleWitness } from '../shuffle/gen-shuffle';
export { genShuffleProof } from '../shuffle/gen-shuffle-proof';
export {
  getGenerator,
  type IndependentGenerators,
  independentGenerators,
} from '../shuffle/independent-generators';
export {
  ciphertextsString,
  elementsString,
  nizkpChallenge,
  nizkpChallenges,
} from '../shuffle/nizkp-challenges';
export {
  type OwnedShuffle,
  parseCiphertexts,
  parseOwnedShuffle,
  parseShuffle,
  type Shuffle,
  type ShuffleJson,
  shuffleToJson,
} from '../shuffle/shuffle';
export {
  mergeShuffledCiphertexts,
  nonHomomorphicCiphertexts,
  type ShuffleContext,
  type ShuffleRejection,
  type ShuffleVerification,
  shuffleCiphertexts,
  verifyShuffles,
} from '../shuffle/shuffle-election';
export {
  parseShuffleProof,
  type ShuffleProof,
  type ShuffleProofJson,
  shuffleProofToJson,
} from '../shuffle/shuffle-proof';
export { currentTally, publishedDecryptions, talliedBallots } from '../tally/archive-tally';
export {
  checkResult,
  combineFactors,
  decryptResult,
  type ElectionResult,
  lagrangeCoefficient,
  type MissingDecryptions,
  parseResult,
  serializeResult,
} from '../tally/election-result';
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
} from '../tally/encrypted-tally';
export {
  computePartialDecryption,
  type OwnedPartialDecryption,
  type PartialDecryption,
  parseOwned,
  parsePartialDecryption,
  serializePartialDecryption,
  verifyPartialDecryption,
} from '../tally/partial-decryption';
export type { ArchiveVerification, VerifyArchiveOptions } from '../verify/archive-verification';
export {
  type BallotRejection,
  type BallotVerification,
  verifyBallot,
  verifyHomomorphicAnswer,
} from '../verify/ballot-verification';
export { type SetupRejection, verifySetup, verifyThresholdParameters } from '../verify/setup-verification';
export { verifyArchiveStructure } from '../verify/stages/archive-structure';
export {
  type BallotBatch,
  type BallotBatchVerification,
  type BallotBatchVerifier,
  nonMemberCredentials,
  sequentialBallots,
} from '../verify/stages/ballot-events';
export type { CheckName, VerificationIssue } from '../verify/verification-issue';
