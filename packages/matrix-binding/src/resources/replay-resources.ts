/**
 * @module
 * Resources on Matrix: ValueFlows economic events (`org.imago.vf.economic_event`) and proposals —
 * offers and needs — (`org.imago.vf.proposal`) as events in a group's ledger room (its pinned
 * decisions room), replayed into @imago/valueflows' ledger. The Matrix event id is the ValueFlows
 * id (so an event cannot claim another's id), the content is parsed by @imago/valueflows at this
 * boundary, agents are Matrix identities ({@link matrixAgent}), and an event applies only when its
 * sender speaks for the side that answers for it (@imago/valueflows' `answeringSide`: the provider
 * for what leaves it, the receiver for what it receives; a correction, the side of the corrected
 * event). The ledger's invariants decide the rest. Pure.
 */
import {
  type EconomicEvent,
  type Intent,
  type LedgerState,
  type Proposal,
  readEconomicEvent,
  readProposal,
  replayLedger,
  type UnauthorisedRecorderError,
  ValueflowsError,
} from '@imago/valueflows';
import type { ImagoWarning } from '../events/imago-warning';
import type { ImagoEvent } from '../events/parse-imago-event';
import { type DecisionsReplay, replayDecisions } from '../governance/replay-decisions';
import type { GroupView } from '../group/group-view';
import { logEvents, logWarnings, type RoomLog } from '../replay/room-log';
import { AGREEMENT_EVENT_TYPE } from './agreement-record';
import { type GroupLedger, LedgerKinds, matrixAgent, speaksFor } from './ledger-sides';

/** The ValueFlows event types. */
export const ResourceEventTypes = {
  /** Timeline: an economic event of the group's ledger (content: a VF `EconomicEvent` without `id`). */
  economicEvent: 'org.imago.vf.economic_event',
  /** Timeline: an offer or a need (content: a VF `Proposal` without `id`). */
  proposal: 'org.imago.vf.proposal',
} as const;

/** Options of {@link replayResources}. */
export interface ReplayResourcesOptions {
  /**
   * The group whose ledger the room is (e.g. from `readGroup`). Only in the group's pinned
   * decisions room does anyone speak for the group; without it, or for another room, only
   * persons' own events apply.
   */
  readonly group?: Pick<GroupView, 'spaceId' | 'authority'>;
  /**
   * The decisions replay of the same log, if already computed (with the verifier of secret results
   * the group uses); default: `replayDecisions(log)`.
   */
  readonly decisions?: Pick<DecisionsReplay, 'authorityAt' | 'tableAt'>;
  /** Members of (sub-)groups by space id, for a control-table row whose deciders are a group. */
  readonly groups?: ReadonlyMap<string, ReadonlySet<string>>;
}

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

function about(event: ImagoEvent) {
  return { eventId: event.eventId, type: event.type, sender: event.sender };
}

function problem(event: ImagoEvent, error: unknown): ImagoWarning {
  const path =
    typeof (error as { path?: unknown })?.path === 'string' ? (error as { path: string }).path : undefined;
  const code = ValueflowsError.isInstance(error) ? error.code : 'unexpected';
  return {
    code: 'malformed-content',
    ...about(event),
    ...(path ? { path } : {}),
    reason: code,
    detail: 'not a valid ValueFlows record',
  };
}

/** A warning for the first agent of `agents` that maps to no Matrix identity. */
function unmapped(
  event: ImagoEvent,
  agents: readonly [string, string | undefined][],
): ImagoWarning | undefined {
  const found = agents.find(([, agent]) => agent !== undefined && matrixAgent(agent) === undefined);
  return found
    ? {
        code: 'malformed-content',
        ...about(event),
        path: found[0],
        reason: 'unmapped-agent',
        detail: 'a ValueFlows agent on Matrix is a user id (a person) or a space id (a group)',
      }
    : undefined;
}

/** The group's ledger the log is, if it is the group's pinned decisions room. */
function ledgerOf(log: RoomLog, options: ReplayResourcesOptions): GroupLedger | undefined {
  const group = options.group;
  if (group?.authority?.decisions !== log.roomId) return undefined;
  const decisions = options.decisions ?? replayDecisions(log);
  return {
    group: group.spaceId,
    authorityAt: (eventId) => decisions.authorityAt(eventId),
    tableAt: (eventId) => decisions.tableAt(eventId),
    ...(options.groups ? { groups: options.groups } : {}),
  };
}

/** Checks that the sender speaks for a proposal's proposer and that its intents are the proposer's. */
function proposalWarning(
  event: ImagoEvent,
  proposal: Proposal,
  ledger: GroupLedger | undefined,
): ImagoWarning | undefined {
  const proposer = proposal.proposer ?? event.sender;
  const lists: [string, readonly Intent[], 'provider' | 'receiver'][] = [
    ['publishes', proposal.publishes, proposal.purpose === 'offer' ? 'provider' : 'receiver'],
    ['reciprocal', proposal.reciprocal, proposal.purpose === 'offer' ? 'receiver' : 'provider'],
  ];
  const agents: [string, string | undefined][] = [['content.proposer', proposal.proposer]];
  for (const [name, intents] of lists) {
    intents.forEach((intent, i) => {
      agents.push([`content.${name}[${i}].provider`, intent.provider]);
      agents.push([`content.${name}[${i}].receiver`, intent.receiver]);
    });
  }
  const malformed = unmapped(event, agents);
  if (malformed) return malformed;
  const unauthorised = (path: string, detail: string): ImagoWarning => ({
    code: 'unauthorised',
    ...about(event),
    path,
    reason: 'not-proposer',
    detail,
  });
  const kind = proposal.purpose === 'offer' ? LedgerKinds.offer : LedgerKinds.need;
  if (!speaksFor(ledger, proposer, event.sender, event.eventId, kind)) {
    return unauthorised('content.proposer', `the sender does not speak for ${proposer}`);
  }
  // What the proposer offers it provides, what it needs it receives (and the reverse in return).
  for (const [name, intents, side] of lists) {
    const index = intents.findIndex((intent) => intent[side] !== undefined && intent[side] !== proposer);
    if (index >= 0) {
      return unauthorised(
        `content.${name}[${index}].${side}`,
        `an intent of this proposal names another ${side}`,
      );
    }
  }
  return undefined;
}

/** Sorts warnings by the place of their event in the room (stable for the rest). */
function inRoomOrder(log: RoomLog, warnings: ImagoWarning[]): ImagoWarning[] {
  const position = new Map<string, number>();
  log.entries.forEach((entry, index) => {
    const id = entry.status === 'event' ? entry.event.eventId : entry.warning.eventId;
    if (id !== undefined && !position.has(id)) position.set(id, index);
  });
  const at = (w: ImagoWarning) => (w.eventId === undefined ? -1 : (position.get(w.eventId) ?? -1));
  return warnings
    .map((warning, index) => ({ warning, index }))
    .sort((a, b) => at(a.warning) - at(b.warning) || a.index - b.index)
    .map(({ warning }) => warning);
}

/**
 * Replays a room's ValueFlows events into a ledger and a list of proposals.
 *
 * An economic event applies when its agents are Matrix identities, its sender speaks for the side
 * that answers for it — the person themselves, or for a group its authority or the members its
 * control table's `spend-resource` row lets act — and the ledger's invariants hold. A proposal is
 * kept when its sender speaks for its proposer (the `publish-offer` / `publish-need` rows for a
 * group) and its intents are the proposer's. Anything else comes back as a warning with a stable
 * `code` and `reason`; a ledger entry removed by a redaction is reported as
 * `settled-evidence-redacted` (reason `ledger-entry`).
 *
 * @param log - the room's log.
 * @param options - the group whose ledger the room is, and its decisions.
 * @returns the ledger, the proposals, and warnings for malformed, unauthorised or rejected events,
 *   in room order.
 * @example
 * ```ts
 * const group = await readGroup(client, spaceId);
 * const room = groupRoom(group, 'decisions') as string;
 * const log = appendToRoomLog(emptyRoomLog(room), await fetchRoomHistory(client, room));
 * const { ledger, warnings } = replayResources(log, { group });
 * ledger.resources.get('seeds')?.onhandQuantity;
 * ```
 */
export function replayResources(log: RoomLog, options: ReplayResourcesOptions = {}): ResourcesReplay {
  const ledger = ledgerOf(log, options);
  const warnings: ImagoWarning[] = [];
  const events: EconomicEvent[] = [];
  const carriers = new Map<string, ImagoEvent>();
  const proposals: { eventId: string; sender: string; proposal: Proposal }[] = [];
  for (const warning of logWarnings(log)) {
    if (warning.code === 'redacted' && warning.type === ResourceEventTypes.economicEvent) {
      warnings.push({
        code: 'settled-evidence-redacted',
        ...(warning.eventId ? { eventId: warning.eventId } : {}),
        type: warning.type,
        ...(warning.sender ? { sender: warning.sender } : {}),
        reason: 'ledger-entry',
        detail: 'a ledger entry was redacted: replays no longer see it',
      });
    }
  }
  for (const event of logEvents(log)) {
    if (event.kind !== 'valueflows') continue;
    try {
      if (event.type === ResourceEventTypes.economicEvent) {
        const parsed = readEconomicEvent({ ...event.content, id: event.eventId }, 'content');
        const malformed = unmapped(event, [
          ['content.provider', parsed.provider],
          ['content.receiver', parsed.receiver],
        ]);
        if (malformed) warnings.push(malformed);
        else {
          events.push(parsed);
          carriers.set(parsed.id, event);
        }
      } else if (event.type === ResourceEventTypes.proposal) {
        const proposal = readProposal({ ...event.content, id: event.eventId }, 'content');
        const refused = proposalWarning(event, proposal, ledger);
        if (refused) warnings.push(refused);
        else proposals.push({ eventId: event.eventId, sender: event.sender, proposal });
      } else if (event.type !== AGREEMENT_EVENT_TYPE) {
        warnings.push({
          code: 'malformed-content',
          ...about(event),
          path: 'type',
          detail: 'unknown ValueFlows event type',
        });
      }
    } catch (error) {
      warnings.push(problem(event, error));
    }
  }
  const { state, rejections } = replayLedger(events, {
    speaksFor: (agent, event) => {
      const carrier = carriers.get(event.id);
      return (
        carrier !== undefined &&
        speaksFor(ledger, agent, carrier.sender, carrier.eventId, LedgerKinds.economicEvent)
      );
    },
  });
  for (const { event, error } of rejections) {
    const carrier = carriers.get(event.id);
    const context = carrier ? about(carrier) : { eventId: event.id };
    if (error.code === 'VF_UNAUTHORISED_RECORDER') {
      const { side, agent } = error as UnauthorisedRecorderError;
      warnings.push({
        code: 'unauthorised',
        ...context,
        path: `content.${side}`,
        reason: error.code,
        detail: `the sender does not speak for the ${side} ${agent}`,
      });
      continue;
    }
    warnings.push({ code: 'rejected', ...context, reason: error.code, detail: 'rejected by the ledger' });
  }
  return { ledger: state, proposals, warnings: inRoomOrder(log, warnings) };
}
