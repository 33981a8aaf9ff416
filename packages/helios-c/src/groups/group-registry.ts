/**
 * The groups an application accepts in an election's `group` field (Belenios 2.0 specification
 * §4.10). A registry is given to `parseElection`, `verifyArchive` and `shuffleArchive`, so that a
 * bundle holds the code of the groups it names and of no other: `finiteFieldGroups` alone keeps
 * Ed25519 (and `@noble/curves`) out of a browser bundle.
 *
 * @module
 */
import type { AnyGroup } from './group';

/** Groups known by name. */
export interface GroupRegistry {
  /** The names it knows, in the order an error message lists them. */
  readonly names: readonly string[];
  /**
   * The group of that name, shared by every caller (its precomputed tables are built once).
   * @param name - the `group` field of an election
   * @returns the group, or `undefined` for a name the registry does not know
   */
  byName(name: string): AnyGroup | undefined;
}

/**
 * A registry knowing the groups of all the given ones (the first that knows a name gives it).
 * @param registries - e.g. `finiteFieldGroups` and `ed25519Groups`
 * @returns the joined registry
 * @example
 * const groups = joinGroupRegistries(finiteFieldGroups, ed25519Groups);
 * groups.byName('Ed25519'); // the Ed25519 group
 */
export function joinGroupRegistries(...registries: readonly GroupRegistry[]): GroupRegistry {
  return {
    names: registries.flatMap((registry) => registry.names),
    byName(name) {
      for (const registry of registries) {
        const group = registry.byName(name);
        if (group !== undefined) return group;
      }
      return undefined;
    },
  };
}

/**
 * The names of a registry as a message lists them (`BELENIOS-2048, RFC-3526-2048 or Ed25519`).
 * @param registry - the registry
 * @returns the names joined with commas and a final `or`
 */
export function groupNamesText(registry: GroupRegistry): string {
  const names = registry.names;
  if (names.length <= 1) return names[0] ?? 'no group';
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}
