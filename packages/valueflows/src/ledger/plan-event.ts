/**
 * Computes, without writing anything, what one economic event does to the ledger, following the
 * ValueFlows 1.0 action effects (all_vf.TTL: `vf:accountingEffect`, `vf:onhandEffect`,
 * `vf:locationEffect`, `vf:containedEffect`, `vf:accountableEffect`, `vf:stageEffect`,
 * `vf:stateEffect`, `vf:createResource`, `vf:eventQuantity`). Every check runs before any
 * change is returned, so a rejected event changes nothing.
 *
 * @module
 */

import type { ActionDefinition } from '../actions/action-definition';
import { ACTIONS } from '../actions/action-table';
import { AlreadyCorrectedError } from '../errors/already-corrected-error';
import { DuplicateEventError } from '../errors/duplicate-event-error';
import { DuplicateResourceError } from '../errors/duplicate-resource-error';
import { InvalidEventError } from '../errors/invalid-event-error';
import { NegativeQuantityError } from '../errors/negative-quantity-error';
import { UnauthorisedRecorderError } from '../errors/unauthorised-recorder-error';
import { UnitMismatchError } from '../errors/unit-mismatch-error';
import { UnknownEventError } from '../errors/unknown-event-error';
import { UnknownResourceError } from '../errors/unknown-resource-error';
import { WrongProviderError } from '../errors/wrong-provider-error';
import { WrongReceiverError } from '../errors/wrong-receiver-error';
import { conversionFactor } from '../measures/measure-arithmetic';
import type { EconomicEvent } from '../model/economic-event';
import type { EconomicResource } from '../model/economic-resource';
import type { Measure } from '../model/measure';
import {
  answeringAgent,
  answeringSide,
  changesResource,
  changesToResource,
  type SpeaksFor,
  takesCustody,
  takesRights,
} from './answering-side';
import type { LedgerState, QuantityDelta, RecordedEvent } from './ledger-state';

/** What applying an event writes: resources to set and event records to set. */
export interface EventPlan {
  readonly resources: readonly EconomicResource[];
  readonly recorded: RecordedEvent;
  /** The corrected event's record, now marked as corrected. */
  readonly corrected?: RecordedEvent;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };
type Quantity = 'accountingQuantity' | 'onhandQuantity';

/** Copy-on-write view of the resources an event touches. */
class Draft {
  readonly touched = new Map<string, Writable<EconomicResource>>();
  readonly decremented: [string, Quantity][] = [];
  readonly deltas: QuantityDelta[] = [];

  constructor(private readonly base: ReadonlyMap<string, EconomicResource>) {}

  get(id: string): Writable<EconomicResource> | undefined {
    let r = this.touched.get(id);
    if (r === undefined) {
      const b = this.base.get(id);
      if (b === undefined) return undefined;
      r = copyResource(b);
      this.touched.set(id, r);
    }
    return r;
  }

  create(r: Writable<EconomicResource>): void {
    this.touched.set(r.id, r);
  }

  add(
    eventId: string,
    r: Writable<EconomicResource>,
    quantity: Quantity,
    amount: Measure,
    sign: 1 | -1,
  ): void {
    const current = r[quantity];
    const factor = conversionFactor(amount.hasUnit, current.hasUnit);
    if (factor === undefined) throw new UnitMismatchError(eventId, r.id, current.hasUnit, amount.hasUnit);
    const delta = sign * amount.hasNumericalValue * factor;
    r[quantity] = { hasNumericalValue: round(current.hasNumericalValue + delta), hasUnit: current.hasUnit };
    this.deltas.push({ resourceId: r.id, quantity, delta });
    if (sign < 0) this.decremented.push([r.id, quantity]);
  }

  addRaw(r: Writable<EconomicResource>, quantity: Quantity, delta: number): void {
    const current = r[quantity];
    r[quantity] = { hasNumericalValue: round(current.hasNumericalValue + delta), hasUnit: current.hasUnit };
    this.deltas.push({ resourceId: r.id, quantity, delta });
    if (delta < 0) this.decremented.push([r.id, quantity]);
  }

  checkNonNegative(eventId: string): void {
    for (const [id, quantity] of this.decremented) {
      if (this.touched.get(id)![quantity].hasNumericalValue < 0) {
        throw new NegativeQuantityError(eventId, id, quantity);
      }
    }
  }
}

/**
 * Copies a resource with every field in one fixed order (absent ones undefined), so that all
 * resource objects share one shape: the ledger copies one or two of them per event.
 */
function copyResource(b: EconomicResource): Writable<EconomicResource> {
  return {
    id: b.id,
    name: b.name,
    note: b.note,
    conformsTo: b.conformsTo,
    classifiedAs: b.classifiedAs,
    trackingIdentifier: b.trackingIdentifier,
    accountingQuantity: b.accountingQuantity,
    onhandQuantity: b.onhandQuantity,
    primaryAccountable: b.primaryAccountable,
    custodian: b.custodian,
    currentLocation: b.currentLocation,
    containedIn: b.containedIn,
    stage: b.stage,
    state: b.state,
    unitOfEffort: b.unitOfEffort,
    image: b.image,
    ofBatchLot: b.ofBatchLot,
  };
}

/** Removes binary floating-point noise so that stock taken down to zero is exactly zero. */
function round(x: number): number {
  if (Number.isInteger(x)) return x;
  const m = Math.abs(x);
  // Fast path for everyday magnitudes (nine decimals keep at least six significant digits).
  if (m >= 1e-3 && m < 1e6) return Math.round(x * 1e9) / 1e9;
  return Number(x.toPrecision(12));
}

const QUANTITY_EFFECTS = [
  ['accountingQuantity', 'accountingEffect'],
  ['onhandQuantity', 'onhandEffect'],
] as const;

function isValidQuantity(q: Measure | undefined): boolean {
  return q === undefined || (q.hasNumericalValue >= 0 && Number.isFinite(q.hasNumericalValue));
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

function quantityEffectOn(effect: string, side: 'from' | 'to'): -1 | 0 | 1 {
  switch (effect) {
    case 'decrement':
      return side === 'from' ? -1 : 0;
    case 'increment':
      return side === 'from' ? 1 : 0;
    case 'incrementTo':
      return side === 'to' ? 1 : 0;
    case 'decrementIncrement':
      return side === 'from' ? -1 : 1;
    default:
      return 0;
  }
}

/** Options of {@link applyEvent} (and of the ledger's planning of one event). */
export interface PlanOptions {
  /**
   * Whether the event's recorder speaks for an agent. When given, an event is recorded only if its
   * recorder speaks for the agent who answers for it ({@link answeringSide}); a correction, for
   * the agent who answers for the corrected event. Absent: the log is trusted as a whole.
   */
  readonly speaksFor?: SpeaksFor;
}

/** The agents who hold a resource: its primary accountable agent and its custodian. */
function holds(r: EconomicResource, agent: string): boolean {
  return (
    (r.primaryAccountable === undefined && r.custodian === undefined) ||
    r.primaryAccountable === agent ||
    r.custodian === agent
  );
}

/**
 * Plans the effects of `event` on `state`.
 *
 * @param state - the ledger before the event
 * @param event - a parsed event
 * @param options - who the recorder speaks for
 * @returns what to write
 * @throws a {@link LedgerRejectionError} subclass when the event breaks an invariant
 */
export function planEvent(state: LedgerState, event: EconomicEvent, options: PlanOptions = {}): EventPlan {
  const id = event.id;
  if (state.events.has(id)) throw new DuplicateEventError(id);
  const action = ACTIONS[event.action];
  if (action === undefined)
    throw new InvalidEventError(id, 'unknown-action', `unknown action ${event.action}`);
  if (!isValidQuantity(event.resourceQuantity) || !isValidQuantity(event.effortQuantity)) {
    throw new InvalidEventError(
      id,
      'negative-event-quantity',
      'event quantities must be finite and not negative',
    );
  }

  const draft = new Draft(state.resources);
  const sequence = state.events.size;

  if (event.corrects !== undefined) return planCorrection(state, event, draft, sequence, options);

  const side = answeringSide(action);
  if (options.speaksFor !== undefined && !options.speaksFor(event[side], event)) {
    throw new UnauthorisedRecorderError(id, side, event[side]);
  }

  if (action.eventQuantity === 'effort' && event.effortQuantity === undefined) {
    throw new InvalidEventError(id, 'missing-effort-quantity', `${action.id} needs an effortQuantity`);
  }

  // Resource creation (vf:createResource): `optional` creates the resource, `optionalTo` the to-resource.
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

  const unitOfEvent = event.resourceQuantity?.hasUnit;
  let from: Writable<EconomicResource> | undefined;
  if (fromId !== undefined) {
    if (created !== undefined && action.createResource === 'optional') {
      from = newResource(event, unitOfEvent ?? 'one', undefined, action);
      draft.create(from);
    } else {
      from = draft.get(fromId);
      if (from === undefined) throw new UnknownResourceError(id, fromId);
    }
  }
  let to: Writable<EconomicResource> | undefined;
  if (toId !== undefined) {
    if (created !== undefined && action.createResource === 'optionalTo') {
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

  // Who may take what from the resource: rights from the primary accountable, custody from the custodian.
  const fromIsNew = created !== undefined && action.createResource === 'optional';
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
  const toIsNew = created !== undefined && action.createResource === 'optionalTo';
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

  // Quantities (vf:accountingEffect, vf:onhandEffect).
  const amount = event.resourceQuantity;
  for (const [quantity, effectKey] of QUANTITY_EFFECTS) {
    const effect = action[effectKey];
    if (effect === 'notApplicable') continue;
    const fromSign = from === undefined ? 0 : quantityEffectOn(effect, 'from');
    const toSign = to === undefined ? 0 : quantityEffectOn(effect, 'to');
    if (fromSign === 0 && toSign === 0) continue;
    if (amount === undefined) {
      throw new InvalidEventError(id, 'missing-resource-quantity', `${action.id} needs a resourceQuantity`);
    }
    if (from !== undefined && from === to && fromSign !== 0 && toSign !== 0) {
      const whole = from[quantity];
      const factor = conversionFactor(amount.hasUnit, whole.hasUnit);
      if (factor === undefined) throw new UnitMismatchError(id, from.id, whole.hasUnit, amount.hasUnit);
      if (round(amount.hasNumericalValue * factor) !== whole.hasNumericalValue) {
        throw new InvalidEventError(
          id,
          'partial-transfer-needs-to-resource',
          'moving part of a resource needs a toResourceInventoriedAs',
        );
      }
    }
    if (fromSign !== 0) draft.add(id, from!, quantity, amount, fromSign);
    if (toSign !== 0) draft.add(id, to!, quantity, amount, toSign);
  }
  draft.checkNonNegative(id);

  // Location (vf:locationEffect); `new` is handled when the resource is created.
  if (action.locationEffect === 'update' && from !== undefined) {
    const location = event.toLocation ?? event.atLocation;
    if (location !== undefined) from.currentLocation = location;
  } else if (action.locationEffect === 'updateTo' && to !== undefined) {
    if (event.toLocation !== undefined) to.currentLocation = event.toLocation;
  }

  // Containment (vf:containedEffect): `combine` puts the resource into the to-resource.
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

  // Rights (vf:accountableEffect) and custody.
  if (action.accountableEffect === 'updateTo' && to !== undefined) {
    // Rights without custody (transferAllRights of a whole resource): whoever held it keeps it.
    const holder = to.custodian ?? to.primaryAccountable;
    to.primaryAccountable = event.receiver;
    to.custodian = action.onhandEffect === 'notApplicable' && holder !== event.receiver ? holder : undefined;
  }
  if (action.onhandEffect === 'decrementIncrement' && to !== undefined) {
    to.custodian = event.receiver === to.primaryAccountable ? undefined : event.receiver;
  }

  // Stage (vf:stageEffect): an output takes the specification of the process it comes out of.
  if (action.stageEffect === 'update' && from !== undefined && event.outputOf !== undefined) {
    const basedOn = state.processes.get(event.outputOf)?.basedOn;
    if (basedOn !== undefined) from.stage = basedOn;
  }

  // State (vf:stateEffect).
  if (event.state !== undefined) {
    if (action.stateEffect === 'update' && from !== undefined) from.state = event.state;
    else if (action.stateEffect === 'updateTo' && to !== undefined) to.state = event.state;
  }

  return {
    resources: [...draft.touched.values()],
    recorded: { event, sequence, deltas: draft.deltas },
  };
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

function planCorrection(
  state: LedgerState,
  event: EconomicEvent,
  draft: Draft,
  sequence: number,
  options: PlanOptions,
): EventPlan {
  const id = event.id;
  const target = state.events.get(event.corrects!);
  if (target === undefined) throw new UnknownEventError(id, event.corrects!);
  // Only the side that answered for an event corrects it.
  const side = answeringSide(target.event.action);
  const agent = answeringAgent(target.event);
  if (options.speaksFor !== undefined && !options.speaksFor(agent, event)) {
    throw new UnauthorisedRecorderError(id, side, agent);
  }
  if (target.correctedBy !== undefined) throw new AlreadyCorrectedError(id, event.corrects!);
  if (target.event.action !== event.action) {
    throw new InvalidEventError(
      id,
      'correction-action-mismatch',
      'a correction has the action of the event it corrects',
    );
  }
  if (target.event.provider !== event.provider) {
    throw new InvalidEventError(
      id,
      'correction-provider-mismatch',
      'a correction has the provider of the event it corrects',
    );
  }
  if (target.event.receiver !== event.receiver) {
    throw new InvalidEventError(
      id,
      'correction-receiver-mismatch',
      'a correction has the receiver of the event it corrects',
    );
  }
  // A correction backs the corrected event's quantities out; a new event then records what happened.
  for (let i = target.deltas.length - 1; i >= 0; i--) {
    const d = target.deltas[i]!;
    draft.addRaw(draft.get(d.resourceId)!, d.quantity, -d.delta);
  }
  draft.checkNonNegative(id);
  return {
    resources: [...draft.touched.values()],
    recorded: { event, sequence, deltas: draft.deltas },
    corrected: { ...target, correctedBy: id },
  };
}
