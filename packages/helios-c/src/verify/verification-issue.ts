/**
 * Findings of a verification: which check failed and where.
 *
 * @module
 */

/** Stable identifiers of the checks a verification performs. */
export type CheckName =
  | 'archive.format'
  | 'archive.file_hash'
  | 'archive.chain'
  | 'archive.payload'
  | 'archive.event_order'
  | 'archive.layout'
  | 'setup.malformed'
  | 'setup.trustees'
  | 'setup.election_key'
  | 'setup.credentials'
  | 'ballot.malformed'
  | 'ballot.election_uuid'
  | 'ballot.election_hash'
  | 'ballot.credential'
  | 'ballot.signature_hash'
  | 'ballot.signature'
  | 'ballot.answer_shape'
  | 'ballot.individual_proof'
  | 'ballot.overall_proof'
  | 'ballot.blank_proof'
  | 'ballot.nonhomomorphic_proof'
  | 'ballot.duplicate'
  | 'ballot.weight'
  | 'tally.malformed'
  | 'tally.encrypted_tally'
  | 'tally.counts'
  | 'shuffle.malformed'
  | 'shuffle.proof'
  | 'decryption.malformed'
  | 'decryption.owner'
  | 'decryption.proof'
  | 'result.malformed'
  | 'result.missing_decryptions'
  | 'result.value';

/** One failed check. */
export interface VerificationIssue {
  /** Which check failed. */
  readonly check: CheckName;
  /** Where: an archive location such as `event 3 (Ballot, payload d48b…)`, and a JSON path. */
  readonly where: string;
  /** Human-readable explanation. */
  readonly message: string;
}
