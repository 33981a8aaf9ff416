/**
 * The steps of track and trace over a ledger's live events (corrected events and corrections
 * left out), indexed once per ledger state.
 *
 * One step back (`previous`) or forward (`next`), per ValueFlows:
 *
 * - an economic resource: back to the events that brought it in (process outputs, `raise`,
 *   transfers and moves *to* it); forward to the events that take it further (process inputs,
 *   `lower`, transfers and moves *from* it);
 * - an economic event: back to the process it is an output of, else the event that triggered
 *   it and (an input, a transfer) the resource it drew from; forward to the process it is an
 *   input of, else the events it triggered and the resource it created, added to or moved to
 *   (the notes' pseudocode stops at the triggered or triggering event; following the resource
 *   too keeps a delivery that was paid for on the path of what was made of the goods);
 * - a process: back to its inputs, forward to its outputs.
 *
 * @module
 */
import type { ActionDefinition } from '../actions/action-definition';
import { getAction } from '../actions/action-table';
import { hasToSide } from '../ledger/event-resources';
import type { LedgerState } from '../ledger/ledger-state';
import type { EconomicEvent } from '../model/economic-event';

/** The kinds of item a resource flow goes through. */
export type FlowItemKind = 'EconomicResource' | 'EconomicEvent' | 'Process';

/** One item of a flow: a resource, an event or a process, by identifier. */
export interface FlowItem {
  readonly kind: FlowItemKind;
  readonly id: string;
}

/** A flow item with the moment it is considered at: events before (trace) or after (track) `at`. */
export interface Step {
  readonly item: FlowItem;
  readonly at: number;
}

export interface EventNode {
  readonly event: EconomicEvent;
  readonly action: ActionDefinition;
  readonly sequence: number;
  /** The resource the event acts on (`resourceInventoriedAs` or the one it creates). */
  readonly from: string | undefined;
  /** The resource on the receiving side (`toResourceInventoriedAs`, created, or `from` itself). */
  readonly to: string | undefined;
  /** Adds to `from` rather than drawing from it: a process output or `raise`. */
  readonly inflow: boolean;
}

/** The live events of a ledger, indexed the ways the steps need. */
export interface FlowIndex {
  readonly events: Map<string, EventNode>;
  readonly intoResource: Map<string, EventNode[]>;
  readonly outOfResource: Map<string, EventNode[]>;
  readonly inputsOf: Map<string, EventNode[]>;
  readonly outputsOf: Map<string, EventNode[]>;
  readonly triggers: Map<string, EventNode[]>;
}

const indexes = new WeakMap<LedgerState, FlowIndex>();

function push(map: Map<string, EventNode[]>, key: string | undefined, node: EventNode): void {
  if (key === undefined) return;
  const list = map.get(key);
  if (list === undefined) map.set(key, [node]);
  else if (list.at(-1) !== node) list.push(node);
}

export function indexOf(ledger: LedgerState): FlowIndex {
  const cached = indexes.get(ledger);
  if (cached !== undefined) return cached;
  const index: FlowIndex = {
    events: new Map(),
    intoResource: new Map(),
    outOfResource: new Map(),
    inputsOf: new Map(),
    outputsOf: new Map(),
    triggers: new Map(),
  };
  const live = [...ledger.events.values()]
    .filter((r) => r.correctedBy === undefined && r.event.corrects === undefined)
    .sort((a, b) => a.sequence - b.sequence);
  for (const { event, sequence } of live) {
    const action = getAction(event.action);
    const created = event.newInventoriedResource?.id;
    const from = event.resourceInventoriedAs ?? (action.createResource === 'optional' ? created : undefined);
    const sameResource =
      hasToSide(action) &&
      action.containedEffect === 'notApplicable' &&
      action.accountingEffect !== 'incrementTo' &&
      action.onhandEffect !== 'incrementTo';
    const to =
      event.toResourceInventoriedAs ??
      (action.createResource === 'optionalTo' ? created : undefined) ??
      (sameResource ? from : undefined);
    const inflow = action.inputOutput === 'output' || action.id === 'raise';
    const node: EventNode = { event, action, sequence, from, to, inflow };
    index.events.set(event.id, node);
    push(inflow ? index.intoResource : index.outOfResource, from, node);
    push(index.intoResource, to, node);
    push(index.inputsOf, event.inputOf, node);
    push(index.outputsOf, event.outputOf, node);
    push(index.triggers, event.triggeredBy, node);
  }
  indexes.set(ledger, index);
  return index;
}

const eventStep = (n: EventNode): Step => ({
  item: { kind: 'EconomicEvent', id: n.event.id },
  at: n.sequence,
});
const processStep = (id: string): Step => ({ item: { kind: 'Process', id }, at: 0 });
const resourceStep = (id: string, at: number): Step => ({ item: { kind: 'EconomicResource', id }, at });

export function previous(index: FlowIndex, step: Step): Step[] {
  const { kind, id } = step.item;
  if (kind === 'EconomicResource') {
    return (index.intoResource.get(id) ?? [])
      .filter((n) => n.sequence < step.at)
      .reverse()
      .map(eventStep);
  }
  if (kind === 'Process') return [...(index.inputsOf.get(id) ?? [])].reverse().map(eventStep);
  const node = index.events.get(id);
  if (node === undefined) return [];
  const { event } = node;
  if (event.outputOf !== undefined) return [processStep(event.outputOf)];
  const steps: Step[] = [];
  const trigger = event.triggeredBy === undefined ? undefined : index.events.get(event.triggeredBy);
  if (trigger !== undefined) steps.push(eventStep(trigger));
  if (!node.inflow && node.from !== undefined) steps.push(resourceStep(node.from, node.sequence));
  return steps;
}

export function next(index: FlowIndex, step: Step): Step[] {
  const { kind, id } = step.item;
  if (kind === 'EconomicResource') {
    return (index.outOfResource.get(id) ?? []).filter((n) => n.sequence > step.at).map(eventStep);
  }
  if (kind === 'Process') return (index.outputsOf.get(id) ?? []).map(eventStep);
  const node = index.events.get(id);
  if (node === undefined) return [];
  const { event } = node;
  if (event.inputOf !== undefined) return [processStep(event.inputOf)];
  const steps = (index.triggers.get(event.id) ?? []).map(eventStep);
  const resource = node.inflow ? node.from : node.to;
  if (resource !== undefined) steps.push(resourceStep(resource, node.sequence));
  return steps;
}
