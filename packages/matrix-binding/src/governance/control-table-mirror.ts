/**
 * @module
 * The control table's state mirror (`org.imago.control_table` in the space) against the authority,
 * the replay of the decisions room: state events are never encrypted and anyone with the power
 * level may set them, so a mirror that no decision backs is reported and ignored.
 */
import { type ControlTable, controlTableToJson, type GovernanceState } from '@imago/governance';
import { canonicalJson } from '@imago/kit/canonical-json';
import type { ImagoWarning } from '../events/imago-warning';
import type { ImagoEvent } from '../events/parse-imago-event';

/** The result of {@link controlTableMirror}. */
export interface ControlTableMirror {
  /** The table in force: always the replay's. */
  readonly table: ControlTable | undefined;
  /** Whether the mirror matches the table in force. */
  readonly consistent: boolean;
  readonly warnings: readonly ImagoWarning[];
}

/**
 * Compares the mirror with the table the decisions replay holds.
 *
 * @param mirror - the space's current `org.imago.control_table` event (parsed), if any.
 * @param state - the governance state from {@link replayDecisions}.
 * @returns the table in force and whether the mirror agrees (an `unauthorised` warning if not).
 */
export function controlTableMirror(
  mirror: ImagoEvent | undefined,
  state: GovernanceState,
): ControlTableMirror {
  const table = state.table;
  if (mirror === undefined || mirror.kind !== 'control-table')
    return { table, consistent: table === undefined, warnings: [] };
  const consistent =
    table !== undefined && canonicalJson(controlTableToJson(table)) === canonicalJson(mirror.content.table);
  return {
    table,
    consistent,
    warnings: consistent
      ? []
      : [
          {
            code: 'unauthorised',
            eventId: mirror.eventId,
            type: mirror.type,
            sender: mirror.sender,
            detail: 'the control table state was not adopted by the decision protocol: ignored',
          },
        ],
  };
}
