/**
 * The Ed25519 group (not part of Belenios 2.0; for new elections): for a bundle built on
 * `@imago/helios-c/finite-field` that accepts Ed25519 elections too, join `ed25519Groups` to
 * `finiteFieldGroups` and pass the registry to `parseElection`, `verifyArchive` or
 * `shuffleArchive`.
 *
 * @example
 * const groups = joinGroupRegistries(finiteFieldGroups, ed25519Groups);
 * const parsed = parseElection(text, groups);
 *
 * @module @imago/helios-c/ed25519
 */

export { Ed25519Group, type Ed25519Point } from './groups/ed25519-group';
export { ed25519Group, ed25519Groups } from './groups/ed25519-groups';
