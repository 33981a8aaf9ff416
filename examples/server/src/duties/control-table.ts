/**
 * @module
 * Control-table application: when a `change-control-table` decision is adopted, the replayed
 * governance state holds the new table; the service publishes it as the group space's
 * `org.imago.control_table` state (checked by `controlTableMirror`), so clients that read state
 * only see the rules in force.
 */
import { controlTableToJson, type GovernanceState } from '@imago/governance';
import { controlTableMirror, latestState, publishControlTable } from '@imago/matrix-binding';
import { type DutyContext, groupOfRoom } from './duty-context';

/**
 * Publishes the table in force when the space's mirror differs from it.
 *
 * @param context - the duty context.
 * @param roomId - the decisions room.
 * @param state - the room's governance state (from the log).
 * @param published - the table version last published per space; updated.
 */
export async function runControlTableDuty(
  context: DutyContext,
  roomId: string,
  state: GovernanceState,
  published: Map<string, number>,
): Promise<void> {
  if (!state.table) return;
  const group = groupOfRoom(context, roomId, 'decisions');
  if (!group) return;
  const space = await context.watcher.refresh(group.spaceId);
  const mirrorEvent = latestState(space.log, 'org.imago.control_table').get('');
  // The space's state may lag behind what was just sent: publish each table version once.
  if (
    controlTableMirror(mirrorEvent, state).consistent ||
    published.get(group.spaceId) === state.tableVersion
  )
    return;
  published.set(group.spaceId, state.tableVersion);
  let adoptedBy: string | undefined;
  let at = -1;
  for (const id of state.decisions.keys()) {
    const d = state.decisions.get(id);
    if (d?.kind === 'change-control-table' && d.outcome?.status === 'adopted' && d.outcome.at > at) {
      adoptedBy = id;
      at = d.outcome.at;
    }
  }
  await publishControlTable(context.client, group.spaceId, state.table, adoptedBy);
  const rules = Object.keys(controlTableToJson(state.table).rules as object);
  context.log.info(
    'control-table',
    `applied control table v${state.tableVersion} of ${group.profile?.name ?? group.spaceId}${
      adoptedBy ? ` adopted by decision ${adoptedBy.slice(0, 9)}…` : ' (initial)'
    }: rules for ${rules.join(', ')}`,
    { roomId: group.spaceId, ...(adoptedBy ? { decision: adoptedBy } : {}) },
  );
}
