/**
 * The groups an election may name in its `group` field (Belenios 2.0 specification §4.10, §5).
 *
 * @module
 */
import { Ed25519Group } from './ed25519-group';
import { FiniteFieldGroup } from './finite-field-group';
import type { AnyGroup } from './group';
import { belenios2048 } from './parameters/belenios-2048';
import { rfc3526_2048 } from './parameters/rfc-3526-2048';

const cache = new Map<string, AnyGroup>();

/** Names accepted by {@link groupByName}. */
export const groupNames = ['BELENIOS-2048', 'RFC-3526-2048', 'Ed25519'] as const;

/** The names of the finite-field groups (elements are `bigint`). */
export type FiniteFieldGroupName = 'BELENIOS-2048' | 'RFC-3526-2048';

/**
 * The group of the given name, shared (its precomputed tables are built once). A name written in
 * the code gives the group's own type (elements `bigint` for the finite fields, `Ed25519Point` for
 * Ed25519); a name read from elsewhere gives a group whose element type is unknown until run time.
 * @param name - `BELENIOS-2048`, `RFC-3526-2048` or `Ed25519`
 * @returns the group, or `undefined` for an unknown name
 * @example
 * const group = groupByName('BELENIOS-2048'); // FiniteFieldGroup: Group<bigint>
 */
export function groupByName(name: FiniteFieldGroupName): FiniteFieldGroup;
export function groupByName(name: 'Ed25519'): Ed25519Group;
export function groupByName(name: string): AnyGroup | undefined;
export function groupByName(name: string): AnyGroup | undefined {
  const cached = cache.get(name);
  if (cached) return cached;
  let group: AnyGroup | undefined;
  if (name === 'BELENIOS-2048') group = new FiniteFieldGroup(belenios2048);
  else if (name === 'RFC-3526-2048') group = new FiniteFieldGroup(rfc3526_2048);
  else if (name === 'Ed25519') group = new Ed25519Group();
  if (group) cache.set(name, group);
  return group;
}
