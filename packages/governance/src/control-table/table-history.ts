/**
 * The control tables a group has had: the one in force, its version, and when each came into
 * force and by which decision. Adopting a `change-control-table` decision swaps the table here;
 * the governance state carries this history.
 *
 * @module
 */
import type { ControlTable } from './control-table';

/** A control table and the time from which it was in force. */
export interface TableEra {
  readonly version: number;
  readonly table: ControlTable;
  /** When it came into force (ms, the group's clock). */
  readonly since: number;
  /** The adopted `change-control-table` decision; absent for the initial table. */
  readonly decision?: string;
}

/** The control-table part of the governance state. */
export interface ControlTableHistory {
  /** The control table in force (`undefined` before `org.imago.governance.init`). */
  readonly table: ControlTable | undefined;
  /** 0 for the initial table, +1 per adopted change. */
  readonly tableVersion: number;
  /**
   * Every table the group has had, oldest first: when each came into force and, after the
   * initial one, the decision that adopted it (see {@link tableAt}, {@link tableInForce}).
   */
  readonly tableHistory: readonly TableEra[];
}

/**
 * The history of a group whose first table comes into force.
 *
 * @param table - the initial table (from `org.imago.governance.init`).
 * @param since - when it comes into force (ms, the group's clock).
 * @returns version 0, the only era.
 * @internal
 */
export function initialTableHistory(table: ControlTable, since: number): ControlTableHistory {
  return { table, tableVersion: 0, tableHistory: [{ version: 0, table, since }] };
}

/**
 * The history after a decision adopted a new table: the table is in force from `since` on and
 * governs the decisions proposed afterwards (those already proposed keep their rule).
 *
 * @param history - the history so far.
 * @param table - the adopted table.
 * @param since - when it comes into force (the decision's outcome time).
 * @param decision - the id of the adopting `change-control-table` decision.
 * @returns the next version, in force.
 * @internal
 */
export function adoptTable(
  history: ControlTableHistory,
  table: ControlTable,
  since: number,
  decision: string,
): ControlTableHistory {
  const version = history.tableVersion + 1;
  return {
    table,
    tableVersion: version,
    tableHistory: [...history.tableHistory, { version, table, since, decision }],
  };
}

/**
 * The control table in force at a time: the latest table that came into force at or before it.
 *
 * @param state - the governance state.
 * @param time - the time (ms).
 * @returns the table era, or `undefined` before the initial table.
 * @example
 * ```ts
 * const era = tableAt(state, event.timestamp);
 * era?.decision; // the decision that adopted the table in force then
 * ```
 */
export function tableAt(
  state: Pick<ControlTableHistory, 'tableHistory'>,
  time: number,
): TableEra | undefined {
  let found: TableEra | undefined;
  for (const era of state.tableHistory) {
    if (era.since > time) break;
    found = era;
  }
  return found;
}

/**
 * The era of the table in force now: its version, since when, and the decision that adopted it
 * (absent for the initial table).
 *
 * @param state - the governance state.
 * @returns the latest era, or `undefined` before the initial table.
 * @example
 * ```ts
 * tableInForce(state)?.decision; // the change-control-table decision behind the current table
 * ```
 */
export function tableInForce(state: Pick<ControlTableHistory, 'tableHistory'>): TableEra | undefined {
  return state.tableHistory.at(-1);
}
