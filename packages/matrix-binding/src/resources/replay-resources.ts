/**
 * @module
 * Resources on Matrix: ValueFlows economic events (`org.imago.vf.economic_event`) and proposals —
 * offers and needs — (`org.imago.vf.proposal`) as events in a group's rooms, replayed into
 * @imago/valueflows' ledger. The Matrix event id is the ValueFlows id (so an event cannot claim
 * another's id), the content is parsed by @imago/valueflows at this boundary, and the ledger's
 * invariants decide what applies. Pure.
 */
import {
  type EconomicEvent,
  type LedgerState,
  type Proposal,
  parseEconomicEvent,
  parseProposal,
  replayLedger,
  ValueflowsError,
} from '@imago/valueflows';
import type { ImagoWarning } from '../events/imago-warning';
import type { ImagoEvent } from '../events/parse-imago-event';
import { logEvents, type RoomLog } from '../replay/room-log';
import { AGREEMENT_EVENT_TYPE } from './agreement-record';

/** The ValueFlows event types. */
export const ResourceEventTypes = {
  /** Timeline: an economic event of the group's ledger (content: a VF `EconomicEvent` without `id`). */
  economicEvent: 'org.imago.vf.economic_event',
  /** Timeline: an offer or a need (content: a VF `Proposal` without `id`). */
  proposal: 'org.imago.vf.proposal',
} as const;

/** What {@link replayResources} returns. */
export interface ResourcesReplay {
  readonly ledger: LedgerState;
  /** Published offers and needs, in order, with the room event that carried them. */
  readonly proposals: readonly {
    readonly eventId: string;
    readonly sender: string;
    readonly proposal: Proposal;
  }[];
  readonly warnings: readonly ImagoWarning[];
}

function problem(event: ImagoEvent, error: unknown): ImagoWarning {
  const path =
    typeof (error as { path?: unknown })?.path === 'string' ? (error as { path: string }).path : undefined;
  const code = ValueflowsError.isInstance(error) ? error.code : 'unexpected';
  return {
    code: 'malformed-content',
    eventId: event.eventId,
    type: event.type,
    sender: event.sender,
    ...(path ? { path } : {}),
    reason: code,
    detail: 'not a valid ValueFlows record',
  };
}

/**
 * Replays a room's ValueFlows events into a ledger and a list of proposals.
 *
 * @param log - the room's log.
 * @returns the ledger, the proposals, and warnings for malformed or rejected events.
 * @example
 * ```ts
 * const { ledger } = replayResources(appendToRoomLog(emptyRoomLog(roomId), await fetchRoomHistory(client, roomId)));
 * ledger.resources.get('seeds')?.onhandQuantity;
 * ```
 */
export function replayResources(log: RoomLog): ResourcesReplay {
  const warnings: ImagoWarning[] = [];
  const events: EconomicEvent[] = [];
  const carriers: ImagoEvent[] = [];
  const proposals: { eventId: string; sender: string; proposal: Proposal }[] = [];
  for (const event of logEvents(log)) {
    if (event.kind !== 'valueflows') continue;
    try {
      if (event.type === ResourceEventTypes.economicEvent) {
        events.push(parseEconomicEvent({ ...event.content, id: event.eventId }, 'content'));
        carriers.push(event);
      } else if (event.type === ResourceEventTypes.proposal) {
        proposals.push({
          eventId: event.eventId,
          sender: event.sender,
          proposal: parseProposal({ ...event.content, id: event.eventId }, 'content'),
        });
      } else if (event.type !== AGREEMENT_EVENT_TYPE) {
        warnings.push({
          code: 'malformed-content',
          eventId: event.eventId,
          type: event.type,
          sender: event.sender,
          path: 'type',
          detail: 'unknown ValueFlows event type',
        });
      }
    } catch (error) {
      warnings.push(problem(event, error));
    }
  }
  const { state, rejections } = replayLedger(events);
  for (const rejection of rejections) {
    const carrier = carriers[rejection.index];
    warnings.push({
      code: 'rejected',
      ...(carrier ? { eventId: carrier.eventId, type: carrier.type, sender: carrier.sender } : {}),
      reason: rejection.error.code,
      detail: 'rejected by the ledger',
    });
  }
  return { ledger: state, proposals, warnings };
}
