/**
 * @module
 * Executing an adopted `change-authority` decision on Matrix: the group's pin
 * (`org.imago.authority`) names the new authority and the adopting decision, and the power levels
 * follow ({@link applyGroupPowerLevels}). The former authority executes the hand-over: the new one
 * has no power yet, and Matrix lets nobody lower a user of their own level but that user (or a
 * room version 12 creator). Thin I/O.
 */
import type { MatrixClient } from 'matrix-js-sdk';
import { sendState } from '../client/send';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { ImagoEventTypes } from '../events/event-types';
import { groupAuthorityContent } from './group-authority';
import type { GroupView } from './group-view';

/**
 * Writes the group's pin for a new authority. The decisions room stays the one pinned at creation.
 *
 * @param client - a client with power 100 in the space (the former authority).
 * @param view - the group, with its founding pin (from {@link readGroup}).
 * @param authority - the new authority, as the adopted decision names it.
 * @param decision - the adopted `change-authority` decision.
 * @returns the pin's event id.
 * @throws {@link InvalidArgumentError} when the group has no pin;
 *   {@link HomeserverError} when the homeserver refuses.
 */
export function publishAuthority(
  client: MatrixClient,
  view: GroupView,
  authority: readonly string[],
  decision: string,
): Promise<string> {
  const pin = view.authority;
  if (pin === undefined) throw new InvalidArgumentError(`group ${view.spaceId} has no pinned decisions room`);
  return sendState(
    client,
    view.spaceId,
    ImagoEventTypes.authority,
    '',
    groupAuthorityContent({ decisions: pin.decisions, authority, decision }),
  );
}
