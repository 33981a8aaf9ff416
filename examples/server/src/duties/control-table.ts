/**
 * @module
 * Control-table application: when a `change-control-table` decision is adopted, the replayed
 * governance state holds the new table; the service publishes it as the group space's
 * `org.imago.control_table` state (checked by `controlTableMirror`), so clients that read state
 * only see the rules in force. Then the powers follow the table and the authority, per event type
 * (`applyGroupPowerLevels`): nobody but the authority is listed, whatever an earlier table raised
 * is lowered. When an adopted `change-authority` decision names a new authority, the service, as
 * the former authority, hands over: it writes the group's pin and the new powers, lowering itself.
 */
import { controlTableToJson, type Decision, type GovernanceState } from '@imago/governance';
import {
  applyGroupPowerLevels,
  controlTableMirror,
  type GroupView,
  latestState,
  publishAuthority,
  publishControlTable,
} from '@imago/matrix-binding';
import { type DutyContext, groupOfRoom } from './duty-context';

/** The latest adopted decision of a kind, if any. */
function latestAdopted(state: GovernanceState, kind: string): Decision | undefined {
  let latest: Decision | undefined;
  for (const decision of state.decisions.values()) {
    if (decision.kind !== kind || decision.outcome?.status !== 'adopted') continue;
    if (state.provisional.has(decision.id)) continue; // a close may still undo it

    if (latest === undefined || decision.outcome.at > (latest.outcome?.at ?? 0)) latest = decision;
  }
  return latest;
}

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
  powers: Map<string, string> = new Map(),
): Promise<void> {
  if (!state.table) return;
  const group = groupOfRoom(context, roomId, 'decisions');
  if (!group) return;
  await publishMirror(context, group, state, published);
  await applyPowers(context, group, state, powers);
}

async function publishMirror(
  context: DutyContext,
  group: GroupView,
  state: GovernanceState,
  published: Map<string, number>,
): Promise<void> {
  if (!state.table || !state.authority.includes(context.client.getSafeUserId())) return;
  const space = await context.watcher.refresh(group.spaceId);
  const mirrorEvent = latestState(space.log, 'org.imago.control_table').get('');
  // The space's state may lag behind what was just sent: publish each table version once.
  if (
    controlTableMirror(mirrorEvent, state).consistent ||
    published.get(group.spaceId) === state.tableVersion
  )
    return;
  published.set(group.spaceId, state.tableVersion);
  const adoptedBy = latestAdopted(state, 'change-control-table')?.id;
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

/**
 * Applies the powers the table and the authority give, once per table version and authority; as
 * the former authority, first hands the pin over.
 */
async function applyPowers(
  context: DutyContext,
  group: GroupView,
  state: GovernanceState,
  applied: Map<string, string>,
): Promise<void> {
  if (!state.table) return;
  const me = context.client.getSafeUserId();
  const pinned = group.authority?.authority ?? [];
  if (!state.authority.includes(me) && !pinned.includes(me)) return;
  const key = `${state.tableVersion} ${state.authority.join(' ')}`;
  if (applied.get(group.spaceId) === key) return;
  applied.set(group.spaceId, key);
  const name = group.profile?.name ?? group.spaceId;
  const handOver = pinned.join(' ') !== state.authority.join(' ') && pinned.includes(me);
  const changedBy = latestAdopted(state, 'change-authority');
  if (handOver && changedBy) {
    await publishAuthority(context.client, group, state.authority, changedBy.id);
    context.log.info(
      'control-table',
      `handed ${name} over to ${state.authority.join(', ')} (decision ${changedBy.id.slice(0, 9)}…)`,
      { roomId: group.spaceId, decision: changedBy.id },
    );
  }
  const { changed, failed } = await applyGroupPowerLevels(context.client, group, state);
  for (const { roomId, error } of failed) {
    context.log.warn('control-table', `could not apply the powers in ${roomId}: ${error.message}`, {
      roomId,
    });
  }
  if (changed.length > 0) {
    context.log.info(
      'control-table',
      `applied the powers of control table v${state.tableVersion} in ${changed.length} room(s) of ${name}: only ${state.authority.join(', ')} listed`,
      { roomId: group.spaceId },
    );
  }
}
