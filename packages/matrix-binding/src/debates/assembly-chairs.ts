/**
 * @module
 * Who chairs a group's assemblies: the group's control table says it. The row of the kind
 * {@link CHAIR_ASSEMBLY_KIND} (or the table's fallback) names the deciders of chairing acts; when it
 * is an oligarchy, its deciders (a list of members, or the members of a sub-group) chair. Changing
 * the chair is thus a change of the control table, decided by the table's own rule. Any other
 * protocol names nobody: the meeting then has no chair and nobody can give the floor.
 */
import { type ControlTable, ruleFor } from '@imago/governance';

/** The kind of action whose control-table row names the chairs of the group's assemblies. */
export const CHAIR_ASSEMBLY_KIND = 'chair-assembly';

/**
 * The chairs of a group's assemblies under its control table.
 *
 * @param table - the control table in force (`undefined`: no table yet, no chair).
 * @param groups - members of groups by id, for deciders given as a group.
 * @returns the chairs' user ids, sorted.
 * @example
 * ```ts
 * const chairs = assemblyChairs(replayDecisions(log).state.table);
 * ```
 */
export function assemblyChairs(
  table: ControlTable | undefined,
  groups: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): string[] {
  const rule = table ? ruleFor(table, CHAIR_ASSEMBLY_KIND) : undefined;
  if (rule?.protocol !== 'oligarchy') return [];
  const deciders =
    'members' in rule.deciders ? rule.deciders.members : [...(groups.get(rule.deciders.group) ?? [])];
  return [...new Set(deciders)].sort();
}
