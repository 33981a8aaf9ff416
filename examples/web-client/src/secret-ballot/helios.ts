/**
 * @module
 * The parts of `@imago/helios-c` (Helios-C, wire-compatible with Belenios 2.0) this client uses to
 * run and check secret ballots in the browser: election setup, ballot creation and verification,
 * encrypted tally, partial decryption, result, and full verification of `.bel` archives.
 */
export {
  ballotTracker,
  computeEncryptedTally,
  computePartialDecryption,
  createBallot,
  decodeTrusteePublicKey,
  decryptResult,
  type Election,
  type EncryptedTally,
  generateSecretCredential,
  generateTrusteeKey,
  groupByName,
  parseElection,
  parsePartialDecryption,
  serializeElection,
  serializePartialDecryption,
  verifyArchive,
  verifyBallot,
  verifyPartialDecryption,
  verifyTrusteePublicKey,
  type WeightedBallot,
} from '@imago/helios-c';
