/**
 * @module
 * Recording economic events and publishing offers and needs from a client. Thin I/O.
 */
import type { EconomicEvent, Proposal } from '@imago/valueflows';
import type { MatrixClient } from 'matrix-js-sdk';
import { sendEvent } from '../client/send';
import { encodeDecimals } from '../events/decimal-codec';
import { ResourceEventTypes } from './replay-resources';

/**
 * Records an economic event in a group's room (its id will be the Matrix event id).
 *
 * @param client - the recording member's client.
 * @param roomId - the group's room holding its ledger.
 * @param event - the VF economic event, without `id`.
 * @returns the event id (the ValueFlows id).
 * @throws {@link HomeserverError} when refused.
 */
export function recordEconomicEvent(
  client: MatrixClient,
  roomId: string,
  event: Omit<EconomicEvent, 'id'>,
): Promise<string> {
  return sendEvent(
    client,
    roomId,
    ResourceEventTypes.economicEvent,
    encodeDecimals(event) as Record<string, unknown>,
  );
}

/**
 * Publishes an offer or a need (a VF proposal) in a group's room.
 *
 * @param client - the publishing member's client.
 * @param roomId - the room.
 * @param proposal - the VF proposal, without `id`.
 * @returns the event id (the proposal's id).
 * @throws {@link HomeserverError} when refused.
 */
export function publishProposal(
  client: MatrixClient,
  roomId: string,
  proposal: Omit<Proposal, 'id'>,
): Promise<string> {
  return sendEvent(
    client,
    roomId,
    ResourceEventTypes.proposal,
    encodeDecimals(proposal) as Record<string, unknown>,
  );
}
