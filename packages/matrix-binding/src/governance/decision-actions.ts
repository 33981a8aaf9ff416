/**
 * @module
 * Acting on decisions from a client: the initial control table, proposals, votes, objections and
 * the other governance events, delegations as member-owned state, the MSC3381 poll mirror of a
 * public vote, and the control table's state mirror. Thin I/O; the outcome is always computed by
 * {@link replayDecisions}, never trusted from an event.
 */
import {
  type Ballot,
  type ControlTable,
  controlTableToJson,
  type GovernanceEventType,
  GovernanceEventTypes,
  type ProposeContent,
} from '@imago/governance';
import type { MatrixClient } from 'matrix-js-sdk';
import { sendEvent, sendState } from '../client/send';
import type { Delegation } from '../delegations/delegation-set';
import { encodeDecimals } from '../events/decimal-codec';
import { ImagoEventTypes, MatrixEventTypes } from '../events/event-types';
import { POLL_DECISION_KEY } from './governance-events';

/**
 * Sends any governance event (`org.imago.governance.*`), fractional numbers encoded for Matrix.
 *
 * @param client - the sender's client.
 * @param roomId - the decisions room.
 * @param type - the governance event type.
 * @param content - its content, as @imago/governance defines it.
 * @returns the event id (for `propose`: the decision id).
 * @throws {@link HomeserverError} when refused.
 */
export function sendGovernanceEvent(
  client: MatrixClient,
  roomId: string,
  type: GovernanceEventType,
  content: object,
): Promise<string> {
  return sendEvent(client, roomId, type, encodeDecimals(content) as Record<string, unknown>);
}

/**
 * Sets the group's initial control table and founding authority (only the room's creator's first
 * `init` counts).
 *
 * @param client - the room creator's client.
 * @param roomId - the decisions room.
 * @param table - the control table.
 * @param authority - the group's authority, as pinned by {@link createGroup} (default: the sender).
 * @returns the event id.
 * @throws {@link HomeserverError} when refused.
 */
export function initControlTable(
  client: MatrixClient,
  roomId: string,
  table: ControlTable,
  authority?: readonly string[],
): Promise<string> {
  return sendGovernanceEvent(client, roomId, GovernanceEventTypes.init, {
    table: controlTableToJson(table),
    ...(authority === undefined ? {} : { authority: [...authority] }),
  });
}

/**
 * Proposes an action; the returned event id is the decision id.
 *
 * @param client - the proposer's client.
 * @param roomId - the decisions room.
 * @param proposal - kind, action, title, options, opening time.
 * @returns the decision id.
 * @throws {@link HomeserverError} when refused.
 * @example
 * ```ts
 * const decision = await propose(client, rooms.decisions, { kind: 'publish-offer', action: { title: 'Seeds' } });
 * await vote(client, rooms.decisions, decision, [1, 0]);
 * ```
 */
export function propose(client: MatrixClient, roomId: string, proposal: ProposeContent): Promise<string> {
  const content =
    proposal.kind === 'change-control-table' && isTableAction(proposal.action)
      ? { ...proposal, action: { table: controlTableToJson(proposal.action.table) } }
      : proposal;
  return sendGovernanceEvent(client, roomId, GovernanceEventTypes.propose, content);
}

function isTableAction(action: unknown): action is { table: ControlTable } {
  return (
    typeof action === 'object' && action !== null && 'table' in action && typeof action.table === 'object'
  );
}

/**
 * Casts (or replaces) a public ballot.
 *
 * @param client - the voter's client.
 * @param roomId - the decisions room.
 * @param decision - the decision id.
 * @param ballot - one integer per option (plurality: 1 for the chosen option).
 * @returns the event id.
 * @throws {@link HomeserverError} when refused.
 */
export function vote(
  client: MatrixClient,
  roomId: string,
  decision: string,
  ballot: Ballot,
): Promise<string> {
  return sendGovernanceEvent(client, roomId, GovernanceEventTypes.vote, { decision, ballot });
}

/**
 * Replaces the sender's delegations (state event keyed by their own user id: nobody else can
 * overwrite it). An empty list revokes every delegation.
 *
 * @param client - the member's client.
 * @param roomId - the decisions room.
 * @param delegations - every delegation of the member, one per scope.
 * @returns the event id.
 * @throws {@link HomeserverError} when refused.
 */
export function setDelegations(
  client: MatrixClient,
  roomId: string,
  delegations: readonly Delegation[],
): Promise<string> {
  return sendState(client, roomId, ImagoEventTypes.delegations, client.getSafeUserId(), {
    delegations: delegations.map((d) => ({ scope: d.scope, to: d.to })),
  });
}

const TEXT = 'org.matrix.msc1767.text';

/**
 * Mirrors a public vote as an MSC3381 poll, so members on Element can vote: each response becomes
 * a ballot of the decision (only the proposer's mirror counts; its answers must be the options in
 * order).
 *
 * @param client - the proposer's client.
 * @param roomId - the decisions room.
 * @param decision - the decision id.
 * @param question - the question shown.
 * @param options - the decision's options (`['yes', 'no']` for a motion).
 * @param maxSelections - 1 for plurality, more for approval.
 * @returns the poll start event id.
 * @throws {@link HomeserverError} when refused.
 */
export function mirrorAsPoll(
  client: MatrixClient,
  roomId: string,
  decision: string,
  question: string,
  options: readonly string[],
  maxSelections = 1,
): Promise<string> {
  return sendEvent(client, roomId, MatrixEventTypes.pollStart, {
    [MatrixEventTypes.pollStart]: {
      question: { [TEXT]: question },
      kind: 'org.matrix.msc3381.poll.disclosed',
      max_selections: maxSelections,
      answers: options.map((label, index) => ({ id: `option-${index}`, [TEXT]: label })),
    },
    [TEXT]: `${question}\n${options.map((label, index) => `${index + 1}. ${label}`).join('\n')}`,
    [POLL_DECISION_KEY]: decision,
  });
}

/**
 * Answers an MSC3381 poll, as Element does.
 *
 * @param client - the voter's client.
 * @param roomId - the room.
 * @param poll - the poll start event id.
 * @param answers - chosen answer ids (`option-0`…).
 * @returns the event id.
 * @throws {@link HomeserverError} when refused.
 */
export function respondToPoll(
  client: MatrixClient,
  roomId: string,
  poll: string,
  answers: readonly string[],
): Promise<string> {
  return sendEvent(client, roomId, MatrixEventTypes.pollResponse, {
    'm.relates_to': { rel_type: 'm.reference', event_id: poll },
    [MatrixEventTypes.pollResponse]: { answers: [...answers] },
  });
}

/**
 * Ends an MSC3381 poll with a text summary of the outcome (shown by Element).
 *
 * @param client - the proposer's client.
 * @param roomId - the room.
 * @param poll - the poll start event id.
 * @param summary - the outcome in words.
 * @returns the event id.
 * @throws {@link HomeserverError} when refused.
 */
export function endPoll(
  client: MatrixClient,
  roomId: string,
  poll: string,
  summary: string,
): Promise<string> {
  return sendEvent(client, roomId, MatrixEventTypes.pollEnd, {
    'm.relates_to': { rel_type: 'm.reference', event_id: poll },
    [MatrixEventTypes.pollEnd]: {},
    [TEXT]: summary,
  });
}

/**
 * Publishes the control table in force as the space's `org.imago.control_table` state, naming the
 * decision that adopted it. A mirror only: {@link controlTableMirror} checks it against the replay.
 *
 * @param client - a client with power to send the state.
 * @param spaceId - the group's space.
 * @param table - the table in force.
 * @param decision - the adopting decision id (absent for the initial table).
 * @returns the event id.
 * @throws {@link HomeserverError} when refused.
 */
export function publishControlTable(
  client: MatrixClient,
  spaceId: string,
  table: ControlTable,
  decision?: string,
): Promise<string> {
  return sendState(client, spaceId, ImagoEventTypes.controlTable, '', {
    table: encodeDecimals(controlTableToJson(table)),
    ...(decision ? { decision } : {}),
  });
}
