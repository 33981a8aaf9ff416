/**
 * @module
 * Reading a group from its space's state, with its pin followed back to the one set at creation:
 * the decisions room never changes, and a later pin must name the decision that adopted it.
 * Thin I/O over `MatrixClient`.
 */
import type { MatrixClient } from 'matrix-js-sdk';
import { HomeserverError } from '../errors/homeserver-error';
import { ImagoEventTypes } from '../events/event-types';
import { fetchRoomState } from '../replay/fetch-room-history';
import { type GroupView, groupFromState } from './group-view';

/**
 * Reads a group from its space's current state.
 *
 * @param client - a client that may read the space.
 * @param spaceId - the group's space.
 * @returns the group view.
 * @throws {@link HomeserverError} (operation `read-state`).
 */
export async function readGroup(client: MatrixClient, spaceId: string): Promise<GroupView> {
  const view = groupFromState(spaceId, await fetchRoomState(client, spaceId));
  return view.authority?.replaces === undefined ? view : withFoundingPin(client, view);
}

/** How many earlier pins {@link readGroup} follows back to the founding one. */
const MAX_PIN_CHAIN = 50;

/**
 * Follows a pin's `replaces_state` chain back to the founding pin: the decisions room is the one
 * pinned at creation, whatever a later pin says, and a later pin that names no adopting decision
 * is reported (the decisions replay decides who the authority is).
 */
async function withFoundingPin(client: MatrixClient, view: GroupView): Promise<GroupView> {
  const current = view.authority;
  if (current === undefined) return view;
  const warnings = [...view.warnings];
  if (current.decision === undefined) {
    warnings.push({
      code: 'unauthorised',
      eventId: current.eventId,
      type: ImagoEventTypes.authority,
      detail: 'a pin that replaces another must name the decision that adopted it',
    });
  }
  let founding: string = current.decisions;
  let previous: string | undefined = current.replaces;
  for (let step = 0; previous !== undefined && step < MAX_PIN_CHAIN; step++) {
    let raw: Record<string, unknown>;
    try {
      raw = (await client.fetchRoomEvent(view.spaceId, previous)) as Record<string, unknown>;
    } catch (cause) {
      throw new HomeserverError('read-state', `cannot read the earlier pin ${previous}`, { cause });
    }
    const decisions = (raw.content as { decisions?: unknown } | undefined)?.decisions;
    if (typeof decisions === 'string') founding = decisions;
    const replaces = (raw.unsigned as { replaces_state?: unknown } | undefined)?.replaces_state;
    previous = typeof replaces === 'string' ? replaces : undefined;
  }
  if (founding !== current.decisions) {
    warnings.push({
      code: 'unauthorised',
      eventId: current.eventId,
      type: ImagoEventTypes.authority,
      detail: `the decisions room pinned at creation (${founding}) never changes`,
    });
  }
  return { ...view, authority: { ...current, decisions: founding }, warnings };
}
