/**
 * Track and trace (ValueFlows, "Track and Trace" algorithm notes): follow the flows of
 * resources through economic events and processes backwards from an item to its origins
 * (`trace`) or forwards to wherever it went (`track`).
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
 * The ValueFlows notes add `previousEvent` breadcrumbs to keep causal order when a resource
 * cycles through the same processes; the ledger's log order gives it here: a resource reached
 * through an event is taken as it was at that moment (only events before it when tracing, after
 * it when tracking). Paired actions follow the notes too: tracing back from a `dropoff`,
 * `modify` or `separate`, only the matching `pickup`, `accept` or `combine` of the same
 * resource is followed (not the other items of the same transport, repair or packing), and the
 * other way round when tracking. Corrected events and corrections are left out (they cancel
 * out).
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
interface Step {
  readonly item: FlowItem;
  readonly at: number;
}

interface EventNode {
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
interface FlowIndex {
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

function indexOf(ledger: LedgerState): FlowIndex {
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

function previous(index: FlowIndex, step: Step): Step[] {
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

function next(index: FlowIndex, step: Step): Step[] {
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

/** The actions that pair up across a transport, repair or packing: [opens, closes]. */
const PAIRS = [
  ['pickup', 'dropoff'],
  ['accept', 'modify'],
  ['combine', 'separate'],
] as const;

/**
 * Resources whose closing (trace) or opening (track) action was met and whose other half is
 * awaited. An awaited action kind only lets its own resources through; a kind nobody awaits
 * (a walk that starts at the process itself) lets every one through.
 */
class Pending {
  private readonly counts = new Map<string, number>();

  add(action: string, resource: string | undefined): void {
    if (resource === undefined) return;
    for (const key of [action, `${action}\u0000${resource}`])
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Whether an event with `action` on `resource` may be followed (and, if awaited, marks it met). */
  admit(action: string, resource: string | undefined): boolean {
    if ((this.counts.get(action) ?? 0) === 0) return true;
    const key = `${action}\u0000${resource}`;
    const n = this.counts.get(key) ?? 0;
    if (n === 0) return false;
    this.counts.set(key, n - 1);
    this.counts.set(action, this.counts.get(action)! - 1);
    return true;
  }
}

function walk(
  ledger: LedgerState,
  start: FlowItem,
  direction: 'back' | 'forward',
  stopAtProcesses = false,
): FlowItem[] {
  const index = indexOf(ledger);
  const steps = direction === 'back' ? previous : next;
  // Going back, a closing action (dropoff) waits for its opening one (pickup); forward, the reverse.
  const [waitOn, metBy] = direction === 'back' ? ([1, 0] as const) : ([0, 1] as const);
  const pending = new Pending();
  const note = (node: EventNode | undefined): boolean => {
    if (node === undefined) return true;
    for (const pair of PAIRS) {
      if (node.action.id === pair[waitOn]) pending.add(pair[metBy], node.from);
      else if (node.action.id === pair[metBy]) return pending.admit(pair[metBy], node.from);
    }
    return true;
  };

  const flows: FlowItem[] = [];
  const listed = new Set<string>();
  const visited = new Set<string>();
  const stepKey = (s: Step) =>
    s.item.kind === 'EconomicResource'
      ? `${s.item.kind}:${s.item.id}@${s.at}`
      : `${s.item.kind}:${s.item.id}`;
  const visit = (s: Step) => {
    visited.add(stepKey(s));
    const itemKey = `${s.item.kind}:${s.item.id}`;
    if (!listed.has(itemKey)) {
      listed.add(itemKey);
      flows.push(s.item);
    }
  };

  const first: Step =
    start.kind === 'EconomicEvent'
      ? { item: start, at: index.events.get(start.id)?.sequence ?? 0 }
      : { item: start, at: direction === 'back' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY };
  if (start.kind === 'EconomicEvent') {
    const node = index.events.get(start.id);
    if (node !== undefined)
      for (const pair of PAIRS) if (node.action.id === pair[waitOn]) pending.add(pair[metBy], node.from);
  }
  visit(first);
  // Depth first, without recursion (flows can be long): a stack of the children still to visit.
  const stack: { children: Step[]; position: number }[] = [{ children: steps(index, first), position: 0 }];
  while (stack.length > 0) {
    const top = stack.at(-1)!;
    if (top.position === top.children.length) {
      stack.pop();
      continue;
    }
    const child = top.children[top.position++]!;
    if (visited.has(stepKey(child))) continue;
    if (child.item.kind === 'EconomicEvent' && !note(index.events.get(child.item.id))) continue;
    visit(child);
    if (stopAtProcesses && child.item.kind === 'Process') continue;
    stack.push({ children: steps(index, child), position: 0 });
  }
  return flows;
}

/**
 * Traces an item back to its origins: every resource, event and process its flow came from,
 * depth first, the item itself first.
 *
 * @param ledger - the ledger state
 * @param start - a resource, an event (usually the output that made a resource) or a process
 * @returns the items of the trace, each once, in the order they were reached
 * @example
 * ```ts
 * trace(ledger, { kind: 'EconomicResource', id: 'bread' });
 * // [bread, produce event, bake process, consume event, flour, raise event, …]
 * ```
 */
export function trace(ledger: LedgerState, start: FlowItem): FlowItem[] {
  return walk(ledger, start, 'back');
}

/**
 * Tracks an item forwards: every event, process and resource its flow went on to, depth
 * first, the item itself first.
 *
 * @param ledger - the ledger state
 * @param start - a resource, an event or a process
 * @returns the items of the track, each once, in the order they were reached
 * @example
 * ```ts
 * track(ledger, { kind: 'EconomicResource', id: 'flour' });
 * // [flour, consume event, bake process, produce event, bread, transfer event, …]
 * ```
 */
export function track(ledger: LedgerState, start: FlowItem): FlowItem[] {
  return walk(ledger, start, 'forward');
}

/**
 * The processes one step back: those whose outputs reached this process's inputs, through the
 * resources and events in between (transfers, moves) but through no other process.
 *
 * @param ledger - the ledger state
 * @param processId - the process
 * @returns the identifiers of the previous processes, nearest input first
 */
export function previousProcesses(ledger: LedgerState, processId: string): string[] {
  return walk(ledger, { kind: 'Process', id: processId }, 'back', true)
    .filter((item) => item.kind === 'Process' && item.id !== processId)
    .map((item) => item.id);
}

/**
 * The processes one step forward: those whose inputs came from this process's outputs, through
 * the resources and events in between but through no other process.
 *
 * @param ledger - the ledger state
 * @param processId - the process
 * @returns the identifiers of the next processes, first output first
 */
export function nextProcesses(ledger: LedgerState, processId: string): string[] {
  return walk(ledger, { kind: 'Process', id: processId }, 'forward', true)
    .filter((item) => item.kind === 'Process' && item.id !== processId)
    .map((item) => item.id);
}
