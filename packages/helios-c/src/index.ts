/**
 * Helios-C verifiable voting, wire-compatible with Belenios 2.0: every group (BELENIOS-2048,
 * RFC-3526-2048 and Ed25519). A bundle that needs only the finite-field groups imports
 * `@imago/helios-c/finite-field` instead, and leaves the Ed25519 code out.
 *
 * @module @imago/helios-c
 */

export { parseElection, shuffleArchive, verifyArchive } from './entries/all-groups';
export * from './entries/cryptography';
export * from './entries/elections';
export { Ed25519Group, type Ed25519Point } from './groups/ed25519-group';
export { ed25519Group, ed25519Groups } from './groups/ed25519-groups';
export { allGroups, groupByName, groupNames } from './groups/group-by-name';
