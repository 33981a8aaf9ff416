/**
 * Track and trace (ValueFlows, "Track and Trace" algorithm notes): follow the flows of
 * resources through economic events and processes backwards from an item to its origins
 * (`trace`) or forwards to wherever it went (`track`).
 *
 * The ValueFlows notes add `previousEvent` breadcrumbs to keep causal order when a resource
 * cycles through the same processes; the ledger's log order gives it here: a resource reached
 * through an event is taken as it was at that moment (only events before it when tracing, after
 * it when tracking). Paired actions follow the notes too: tracing back from a `dropoff`,
 * `modify` or `separate`, only the matching `pickup`, `accept` or `combine` of the same
 * resource is followed (not the other items of the same transport, repair or packing), and the
 * other way round when tracking (`paired-actions`). Corrected events and corrections are left
 * out (they cancel out). One step back or forward is in `flow-steps`.
 *
 * @module
 */
import type { LedgerState } from '../ledger/ledger-state';
import { type EventNode, type FlowItem, indexOf, next, previous, type Step } from './flow-steps';
import { PAIRS, Pending } from './paired-actions';

export type { FlowItem, FlowItemKind } from './flow-steps';

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
