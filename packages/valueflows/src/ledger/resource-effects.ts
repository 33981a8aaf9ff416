/**
 * What an event does to its resources besides their quantities: location (`vf:locationEffect`;
 * `new` is handled when the resource is created), containment (`vf:containedEffect`), rights and
 * custody (`vf:accountableEffect`), stage (`vf:stageEffect`) and state (`vf:stateEffect`).
 *
 * @module
 */
import type { ActionDefinition } from '../actions/action-definition';
import { InvalidEventError } from '../errors/invalid-event-error';
import type { EconomicEvent } from '../model/economic-event';
import type { EconomicResource } from '../model/economic-resource';
import type { EventResources } from './event-resources';
import type { LedgerState } from './ledger-state';
import type { Draft } from './resource-draft';

/**
 * Writes the event's effects other than quantities into its resources' drafts.
 *
 * @throws {@link InvalidEventError} when a combination lacks its resource or container, or would
 *   make a resource contain itself
 */
export function applyResourceEffects(
  state: LedgerState,
  event: EconomicEvent,
  action: ActionDefinition,
  resources: EventResources,
  draft: Draft,
): void {
  applyLocation(event, action, resources);
  applyContainment(state, event, action, resources, draft);
  applyRights(event, action, resources);
  applyStageAndState(state, event, action, resources);
}

function applyLocation(event: EconomicEvent, action: ActionDefinition, { from, to }: EventResources): void {
  if (action.locationEffect === 'update' && from !== undefined) {
    const location = event.toLocation ?? event.atLocation;
    if (location !== undefined) from.currentLocation = location;
  } else if (action.locationEffect === 'updateTo' && to !== undefined) {
    if (event.toLocation !== undefined) to.currentLocation = event.toLocation;
  }
}

/** `combine` puts the resource into the to-resource; `separate` takes it out. */
function applyContainment(
  state: LedgerState,
  event: EconomicEvent,
  action: ActionDefinition,
  { from, to }: EventResources,
  draft: Draft,
): void {
  const id = event.id;
  if (action.containedEffect === 'update') {
    if (from === undefined)
      throw new InvalidEventError(id, 'missing-resource', `${action.id} needs a resource`);
    if (to === undefined || to === from) {
      throw new InvalidEventError(
        id,
        'missing-container',
        `${action.id} needs the container as toResourceInventoriedAs`,
      );
    }
    for (let c: EconomicResource | undefined = to; c !== undefined; ) {
      if (c.id === from.id)
        throw new InvalidEventError(id, 'containment-cycle', 'a resource cannot contain itself');
      c =
        c.containedIn === undefined
          ? undefined
          : (draft.touched.get(c.containedIn) ?? state.resources.get(c.containedIn));
    }
    from.containedIn = to.id;
  } else if (action.containedEffect === 'remove' && from !== undefined) {
    from.containedIn = undefined;
  }
}

function applyRights(event: EconomicEvent, action: ActionDefinition, { to }: EventResources): void {
  if (action.accountableEffect === 'updateTo' && to !== undefined) {
    // Rights without custody (transferAllRights of a whole resource): whoever held it keeps it.
    const holder = to.custodian ?? to.primaryAccountable;
    to.primaryAccountable = event.receiver;
    to.custodian = action.onhandEffect === 'notApplicable' && holder !== event.receiver ? holder : undefined;
  }
  if (action.onhandEffect === 'decrementIncrement' && to !== undefined) {
    to.custodian = event.receiver === to.primaryAccountable ? undefined : event.receiver;
  }
}

function applyStageAndState(
  state: LedgerState,
  event: EconomicEvent,
  action: ActionDefinition,
  { from, to }: EventResources,
): void {
  // An output takes the specification of the process it comes out of.
  if (action.stageEffect === 'update' && from !== undefined && event.outputOf !== undefined) {
    const basedOn = state.processes.get(event.outputOf)?.basedOn;
    if (basedOn !== undefined) from.stage = basedOn;
  }
  if (event.state !== undefined) {
    if (action.stateEffect === 'update' && from !== undefined) from.state = event.state;
    else if (action.stateEffect === 'updateTo' && to !== undefined) to.state = event.state;
  }
}
