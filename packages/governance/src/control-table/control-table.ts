/**
 * The control table: which protocol decides which kind of action.
 *
 * @module
 */
import type { ActionKind } from './action-kinds';
import type { ProtocolRule } from './protocol-rule';

/**
 * A group's control table. `rules` must contain `change-control-table`: the table governs its own
 * changes. Kinds absent from `rules` fall back to `fallback` if given, otherwise proposals of
 * that kind are rejected.
 */
export interface ControlTable {
  readonly rules: Readonly<Record<string, ProtocolRule>>;
  readonly fallback?: ProtocolRule;
}

/**
 * The rule that decides `kind` under `table`.
 *
 * @param table - the control table in force
 * @param kind - the kind of action
 * @returns the rule, or `undefined` if the table neither names the kind nor has a fallback
 */
export function ruleFor(table: ControlTable, kind: ActionKind): ProtocolRule | undefined {
  return Object.hasOwn(table.rules, kind) ? table.rules[kind] : table.fallback;
}
