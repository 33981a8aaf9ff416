/**
 * @module
 * The ValueFlows ledger view: for each room carrying `org.imago.vf.*` events, the service replays
 * them (@imago/valueflows through `replayResources`) and keeps the resulting resources, offers
 * and needs in memory, logging each change of the view. A group's ledger is its pinned decisions
 * room: there its authority and the members its control table lets act speak for the group.
 */
import { type ResourcesReplay, replayResources } from '@imago/matrix-binding';
import type { WatchedRoom } from '../service/room-watcher';
import { type DutyContext, groupName, groupOfRoom } from './duty-context';

/** The ledger view of one room. */
export interface LedgerView {
  readonly roomId: string;
  readonly group?: string;
  readonly replay: ResourcesReplay;
  /** `name: quantity unit` per resource, sorted. */
  readonly summary: readonly string[];
}

/**
 * Updates the ledger view of a room when it has new ValueFlows events.
 *
 * @param context - the duty context.
 * @param room - the room.
 * @param views - the views by room id; updated.
 */
export function runLedgerDuty(context: DutyContext, room: WatchedRoom, views: Map<string, LedgerView>): void {
  const count = room.log.entries.filter((e) => e.status === 'event' && e.event.kind === 'valueflows').length;
  if (count === 0) return;
  const owner = [...context.groups.values()].find((g) => g.authority?.decisions === room.roomId);
  const replay = replayResources(room.log, owner ? { group: owner } : {});
  const summary = [...replay.ledger.resources.values()]
    .map((r) => {
      const q = r.onhandQuantity;
      return `${r.name ?? r.id}: ${q.hasNumericalValue}${q.hasUnit === 'one' ? '' : ` ${q.hasUnit}`} on hand`;
    })
    .sort();
  const before = views.get(room.roomId);
  if (
    before &&
    JSON.stringify(before.summary) === JSON.stringify(summary) &&
    before.replay.proposals.length === replay.proposals.length
  )
    return;
  const group = groupOfRoom(context, room.roomId)?.spaceId;
  views.set(room.roomId, { roomId: room.roomId, ...(group ? { group } : {}), replay, summary });
  context.log.info(
    'ledger',
    `ledger of ${group ? groupName(context, group) : room.roomId}: ${summary.join('; ') || 'no resources'}; ${replay.proposals.length} offer(s)/need(s)${
      replay.warnings.length ? `; ${replay.warnings.length} event(s) ignored` : ''
    }`,
    { roomId: room.roomId },
  );
}
