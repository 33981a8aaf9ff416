/**
 * The Ed25519 group by name, for a {@link GroupRegistry} (not part of Belenios 2.0; see
 * `ed25519-group.ts`).
 *
 * @module
 */
import { Ed25519Group } from './ed25519-group';
import type { GroupRegistry } from './group-registry';

let shared: Ed25519Group | undefined;

/**
 * The Ed25519 group, shared (its precomputed tables are built once).
 * @returns the group
 */
export function ed25519Group(): Ed25519Group {
  shared ??= new Ed25519Group();
  return shared;
}

/** The registry of the Ed25519 group (named `Ed25519`). */
export const ed25519Groups: GroupRegistry = Object.freeze({
  names: Object.freeze(['Ed25519']),
  byName: (name: string) => (name === 'Ed25519' ? ed25519Group() : undefined),
});
