/**
 * Which resources an event acts on (`vf:resourceInventoriedAs`, `vf:toResourceInventoriedAs`) and
 * the resource it creates (`vf:createResource`: `optional` creates the resource, `optionalTo` the
 * to-resource).
 *
 * @module
 */
import type { ActionDefinition } from '../actions/action-definition';
import { DuplicateResourceError } from '../errors/duplicate-resource-error';
import { InvalidEventError } from '../errors/invalid-event-error';
import { UnknownResourceError } from '../errors/unknown-resource-error';
import type { EconomicEvent } from '../model/economic-event';
import type { EconomicResource } from '../model/economic-resource';
import type { LedgerState } from './ledger-state';
import { copyResource, type Draft, type Writable } from './resource-draft';

/** The resources an event acts on, as drafts, and whether the event creates them. */
export interface EventResources {
  readonly from: Writable<EconomicResource> | undefined;
  readonly to: Writable<EconomicResource> | undefined;
  readonly fromIsNew: boolean;
  readonly toIsNew: boolean;
}

/** Whether the action acts on a "to" resource (the receiver's side). */
export function hasToSide(a: ActionDefinition): boolean {
  return (
    a.accountingEffect === 'decrementIncrement' ||
    a.onhandEffect === 'decrementIncrement' ||
    a.accountingEffect === 'incrementTo' ||
    a.onhandEffect === 'incrementTo' ||
    a.accountableEffect === 'updateTo' ||
    a.locationEffect === 'updateTo' ||
    a.stateEffect === 'updateTo'
  );
}

/**
 * Finds (or creates, in the draft) the resources the event acts on.
 *
 * @throws a {@link LedgerRejectionError} subclass for an unknown resource, a resource created
 *   twice or where the action creates none, or a missing to-resource
 */
export function eventResources(
  state: LedgerState,
  event: EconomicEvent,
  action: ActionDefinition,
  draft: Draft,
): EventResources {
  const id = event.id;
  const created = event.newInventoriedResource;
  let fromId = event.resourceInventoriedAs;
  let toId = event.toResourceInventoriedAs;
  if (created !== undefined) {
    if (action.createResource === 'notApplicable') {
      throw new InvalidEventError(id, 'cannot-create-resource', `${action.id} cannot create a resource`);
    }
    if (state.resources.has(created.id)) throw new DuplicateResourceError(id, created.id);
    if (created.containedIn !== undefined && !state.resources.has(created.containedIn)) {
      throw new UnknownResourceError(id, created.containedIn);
    }
    const slot = action.createResource === 'optional' ? fromId : toId;
    if (slot !== undefined && slot !== created.id) {
      throw new InvalidEventError(
        id,
        'new-resource-mismatch',
        'newInventoriedResource.id differs from the event',
      );
    }
    if (action.createResource === 'optional') fromId = created.id;
    else toId = created.id;
  }
  const fromIsNew = created !== undefined && action.createResource === 'optional';
  const toIsNew = created !== undefined && action.createResource === 'optionalTo';

  const unitOfEvent = event.resourceQuantity?.hasUnit;
  let from: Writable<EconomicResource> | undefined;
  if (fromId !== undefined) {
    if (fromIsNew) {
      from = newResource(event, unitOfEvent ?? 'one', undefined, action);
      draft.create(from);
    } else {
      from = draft.get(fromId);
      if (from === undefined) throw new UnknownResourceError(id, fromId);
    }
  }
  let to: Writable<EconomicResource> | undefined;
  if (toId !== undefined) {
    if (toIsNew) {
      to = newResource(event, unitOfEvent ?? from?.accountingQuantity.hasUnit ?? 'one', from, action);
      draft.create(to);
    } else {
      to = draft.get(toId);
      if (to === undefined) throw new UnknownResourceError(id, toId);
    }
  } else if (hasToSide(action) && action.containedEffect === 'notApplicable') {
    if (action.accountingEffect === 'incrementTo' || action.onhandEffect === 'incrementTo') {
      if (from !== undefined) {
        throw new InvalidEventError(
          id,
          'missing-to-resource',
          `${action.id} needs a toResourceInventoriedAs`,
        );
      }
    } else {
      // No to-resource: the receiver identifies the resource as the provider does (vf:toResourceInventoriedAs).
      to = from;
    }
  }
  return { from, to, fromIsNew, toIsNew };
}

function newResource(
  event: EconomicEvent,
  unit: string,
  source: EconomicResource | undefined,
  action: ActionDefinition,
): Writable<EconomicResource> {
  const n = event.newInventoriedResource!;
  const location =
    n.currentLocation ??
    (action.locationEffect === 'new' ? (event.toLocation ?? event.atLocation) : undefined) ??
    (action.locationEffect === 'updateTo' ? (event.toLocation ?? source?.currentLocation) : undefined);
  return copyResource({
    id: n.id,
    name: n.name ?? source?.name,
    note: n.note,
    conformsTo: n.conformsTo ?? event.resourceConformsTo ?? source?.conformsTo,
    classifiedAs: n.classifiedAs ?? event.resourceClassifiedAs ?? source?.classifiedAs,
    trackingIdentifier: n.trackingIdentifier,
    accountingQuantity: { hasNumericalValue: 0, hasUnit: unit },
    onhandQuantity: { hasNumericalValue: 0, hasUnit: unit },
    // vf:accountableEffect `new`: the receiver is accountable for what the event creates; without
    // it (custody, move), rights stay where they were.
    primaryAccountable:
      action.accountableEffect === 'notApplicable'
        ? (source?.primaryAccountable ?? event.provider)
        : event.receiver,
    currentLocation: location,
    stage: source?.stage,
    state: source?.state,
    image: n.image,
    ofBatchLot: n.ofBatchLot,
    containedIn: n.containedIn,
  });
}
