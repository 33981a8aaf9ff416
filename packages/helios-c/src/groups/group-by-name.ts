/**
 * The groups an election may name in its `group` field (Belenios 2.0 specification §4.10, §5),
 * all of them: the finite fields and Ed25519.
 *
 * @module
 */
import type { Ed25519Group } from './ed25519-group';
import { ed25519Groups } from './ed25519-groups';
import type { FiniteFieldGroup } from './finite-field-group';
import { type FiniteFieldGroupName, finiteFieldGroups } from './finite-field-groups';
import type { AnyGroup } from './group';
import { type GroupRegistry, joinGroupRegistries } from './group-registry';

/** Names accepted by {@link groupByName}. */
export const groupNames = ['BELENIOS-2048', 'RFC-3526-2048', 'Ed25519'] as const;

/** Every group helios-c implements: the finite fields and Ed25519. */
export const allGroups: GroupRegistry = Object.freeze(joinGroupRegistries(finiteFieldGroups, ed25519Groups));

/**
 * The group of the given name, shared (its precomputed tables are built once). A name written in
 * the code gives the group's own type (elements `bigint` for the finite fields, `Ed25519Point` for
 * Ed25519); a name read from elsewhere gives a group whose element type is unknown until run time.
 * A bundle that calls this function holds the code of every group: one that needs only the finite
 * fields calls `finiteFieldGroup` instead.
 * @param name - `BELENIOS-2048`, `RFC-3526-2048` or `Ed25519`
 * @returns the group, or `undefined` for an unknown name
 * @example
 * const group = groupByName('BELENIOS-2048'); // FiniteFieldGroup: Group<bigint>
 */
export function groupByName(name: FiniteFieldGroupName): FiniteFieldGroup;
export function groupByName(name: 'Ed25519'): Ed25519Group;
export function groupByName(name: string): AnyGroup | undefined;
export function groupByName(name: string): AnyGroup | undefined {
  return allGroups.byName(name);
}
