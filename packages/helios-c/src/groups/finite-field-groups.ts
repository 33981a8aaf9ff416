/**
 * The finite-field groups of the Belenios 2.0 specification (§5.1 BELENIOS-2048, §5.2
 * RFC-3526-2048), by name: everything a finite-field election needs, without the Ed25519 code.
 *
 * @module
 */
import { FiniteFieldGroup } from './finite-field-group';
import type { GroupRegistry } from './group-registry';
import { belenios2048 } from './parameters/belenios-2048';
import { rfc3526_2048 } from './parameters/rfc-3526-2048';

/** The names of the finite-field groups (elements are `bigint`). */
export type FiniteFieldGroupName = 'BELENIOS-2048' | 'RFC-3526-2048';

const parameters = { 'BELENIOS-2048': belenios2048, 'RFC-3526-2048': rfc3526_2048 } as const;
const cache = new Map<string, FiniteFieldGroup>();

function isFiniteFieldGroupName(name: string): name is FiniteFieldGroupName {
  return Object.hasOwn(parameters, name);
}

/**
 * The finite-field group of the given name, shared (its precomputed tables are built once).
 * @param name - `BELENIOS-2048` or `RFC-3526-2048`
 * @returns the group
 * @example
 * const group = finiteFieldGroup('BELENIOS-2048'); // Group<bigint>
 */
export function finiteFieldGroup(name: FiniteFieldGroupName): FiniteFieldGroup {
  let group = cache.get(name);
  if (group === undefined) {
    group = new FiniteFieldGroup(parameters[name]);
    cache.set(name, group);
  }
  return group;
}

/** The registry of the finite-field groups: `BELENIOS-2048` and `RFC-3526-2048`. */
export const finiteFieldGroups: GroupRegistry = Object.freeze({
  names: Object.freeze(['BELENIOS-2048', 'RFC-3526-2048']),
  byName: (name: string) => (isFiniteFieldGroupName(name) ? finiteFieldGroup(name) : undefined),
});
