/**
 * @module
 * The parts of Helios-C (Belenios 2.0) this client needs to run a secret ballot in the browser:
 * election setup, ballot creation and verification, encrypted tally, partial decryption and result.
 *
 * `@imago/helios-c` implements them (its CLI uses them) but its package entry does not export
 * them yet, so they are taken from its sources here, in this one file, until it does; the bundler
 * compiles them with the client. Nothing else in the client reaches into another package.
 */

export { ballotTracker } from '../../../../packages/helios-c/src/ballot/ballot';
export { createBallot } from '../../../../packages/helios-c/src/ballot/create-ballot';
export { generateSecretCredential } from '../../../../packages/helios-c/src/credentials/secret-credential';
export { type Election, parseElection } from '../../../../packages/helios-c/src/election/election';
export { serializeElection } from '../../../../packages/helios-c/src/election/make-election';
export { groupByName } from '../../../../packages/helios-c/src/groups/group-by-name';
export { decryptResult } from '../../../../packages/helios-c/src/tally/election-result';
export {
  computeEncryptedTally,
  type EncryptedTally,
  type WeightedBallot,
} from '../../../../packages/helios-c/src/tally/encrypted-tally';
export {
  computePartialDecryption,
  parsePartialDecryption,
  serializePartialDecryption,
  verifyPartialDecryption,
} from '../../../../packages/helios-c/src/tally/partial-decryption';
export { generateTrusteeKey } from '../../../../packages/helios-c/src/trustees/trustee-key';
export {
  decodeTrusteePublicKey,
  verifyTrusteePublicKey,
} from '../../../../packages/helios-c/src/trustees/trustee-public-key';
export { verifyArchive } from '../../../../packages/helios-c/src/verify/archive-verification';
export { verifyBallot } from '../../../../packages/helios-c/src/verify/ballot-verification';
