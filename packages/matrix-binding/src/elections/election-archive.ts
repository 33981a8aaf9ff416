/**
 * @module
 * The Belenios archive of an election replayed from a room: its accepted steps rebuilt into the
 * archive's hash chain (specification §4.4), exported as the `.bel` that
 * `belenios-tool election verify` checks, the hash of its last event (what a secret result names
 * as its evidence), and its verification with @imago/helios-c, in the browser as in Node.
 */
import { type ArchiveVerification, archiveFromSteps, verifyArchive } from '@imago/helios-c';
import type { SecretBallotReplay } from './election-state';

/**
 * Exports an election replayed from a room as a `.bel` archive.
 *
 * @param election - an election from {@link replaySecretBallots}.
 * @returns the archive bytes (verify them with `belenios-tool election verify` or @imago/helios-c).
 */
export function exportBelArchive(election: SecretBallotReplay): Uint8Array {
  return archiveFromSteps(election.timestamp, election.steps).bytes;
}

/**
 * The hash of the last event of an election's archive: what a secret result names as its evidence.
 *
 * @param election - an election from {@link replaySecretBallots}.
 * @returns the hash, or `undefined` for an election without steps.
 */
export function electionEvidence(election: SecretBallotReplay): string | undefined {
  return archiveFromSteps(election.timestamp, election.steps).lastEvent;
}

/**
 * Verifies an election replayed from a room with @imago/helios-c (in the browser as in Node): the
 * whole exported archive — setup, every ballot, tally, shuffles, partial decryptions and result.
 *
 * @param election - an election from {@link replaySecretBallots}.
 * @returns the verification report (`ok`, issues, verified result, last event hash).
 */
export function verifyElection(election: SecretBallotReplay): Promise<ArchiveVerification> {
  return verifyArchive(exportBelArchive(election));
}
