/**
 * Who may act on a resource: rights are taken from the primary accountable agent, custody from the
 * custodian; what an event changes without taking it is changed by the side that answers for the
 * event, which must hold it; nobody gives into, or takes the rights to, another agent's resource
 * by naming it.
 *
 * @module
 */
import type { ActionDefinition } from '../actions/action-definition';
import { WrongProviderError } from '../errors/wrong-provider-error';
import { WrongReceiverError } from '../errors/wrong-receiver-error';
import type { EconomicEvent } from '../model/economic-event';
import type { EconomicResource } from '../model/economic-resource';
import {
  changesResource,
  changesToResource,
  type EventSide,
  takesCustody,
  takesRights,
} from './answering-side';
import type { EventResources } from './event-resources';

/** The agents who hold a resource: its primary accountable agent and its custodian. */
function holds(r: EconomicResource, agent: string): boolean {
  return (
    (r.primaryAccountable === undefined && r.custodian === undefined) ||
    r.primaryAccountable === agent ||
    r.custodian === agent
  );
}

/**
 * Checks that the event's provider and receiver may act on its resources.
 *
 * @param side - the side that answers for the event
 * @throws {@link WrongProviderError} or {@link WrongReceiverError} naming the resource and its holder
 */
export function checkHolders(
  event: EconomicEvent,
  action: ActionDefinition,
  side: EventSide,
  { from, to, fromIsNew, toIsNew }: EventResources,
): void {
  const id = event.id;
  if (from !== undefined && !fromIsNew) {
    if (
      takesRights(action) &&
      from.primaryAccountable !== undefined &&
      from.primaryAccountable !== event.provider
    ) {
      throw new WrongProviderError(id, from.id, from.primaryAccountable, event.provider);
    }
    const holder = from.custodian ?? from.primaryAccountable;
    if (takesCustody(action) && holder !== undefined && holder !== event.provider) {
      throw new WrongProviderError(id, from.id, holder, event.provider);
    }
    // What the event changes without taking it (a use, a citation, a stock count, an output of a
    // process) is changed by the side that answers for the event, which must hold it.
    if (changesResource(action) && !holds(from, event[side])) {
      const owner = holder as string;
      if (side === 'provider') throw new WrongProviderError(id, from.id, owner, event.provider);
      throw new WrongReceiverError(id, from.id, owner, event.receiver);
    }
  }
  // Nobody gives into, or takes the rights to, another agent's resource by naming it.
  if (
    to !== undefined &&
    to !== from &&
    !toIsNew &&
    changesToResource(action) &&
    !holds(to, event.receiver)
  ) {
    throw new WrongReceiverError(
      id,
      to.id,
      (to.custodian ?? to.primaryAccountable) as string,
      event.receiver,
    );
  }
}
