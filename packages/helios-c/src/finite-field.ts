/**
 * Helios-C with the finite-field groups of Belenios 2.0 only (BELENIOS-2048, RFC-3526-2048): the
 * API of `@imago/helios-c` without Ed25519, so that a browser bundle holds no elliptic-curve code.
 * `parseElection`, `verifyArchive` and `shuffleArchive` accept these two groups unless given
 * another {@link GroupRegistry}.
 *
 * @module @imago/helios-c/finite-field
 */

export { parseElection } from './election/election';
export * from './entries/cryptography';
export * from './entries/elections';
export { shuffleArchive } from './shuffle/archive-shuffle';
export { verifyArchive } from './verify/archive-verification';
