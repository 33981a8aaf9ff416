/**
 * The state of a ledger: what a fold of economic events over the ValueFlows action effects
 * yields.
 *
 * @module
 */
import type { EconomicEvent } from '../model/economic-event';
import type { EconomicResource } from '../model/economic-resource';
import type { Process } from '../model/process';

/** A change a recorded event made to one quantity of one resource (kept to reverse it). */
export interface QuantityDelta {
  readonly resourceId: string;
  readonly quantity: 'accountingQuantity' | 'onhandQuantity';
  /** In the resource's unit. */
  readonly delta: number;
}

/** An event as the ledger recorded it. */
export interface RecordedEvent {
  readonly event: EconomicEvent;
  /** Position in the log of accepted events, from 0. */
  readonly sequence: number;
  readonly deltas: readonly QuantityDelta[];
  /** The id of the event that corrected this one, if any. */
  readonly correctedBy?: string;
}

/**
 * An immutable ledger state. Build one with {@link createLedger}, advance it with
 * {@link applyEvent} or {@link replayLedger}.
 */
export interface LedgerState {
  readonly resources: ReadonlyMap<string, EconomicResource>;
  readonly events: ReadonlyMap<string, RecordedEvent>;
  /** Processes known to the ledger; an output of a known process takes its `basedOn` as stage. */
  readonly processes: ReadonlyMap<string, Process>;
}

/** What a ledger may start from. */
export interface LedgerInit {
  readonly processes?: Iterable<Process>;
  readonly resources?: Iterable<EconomicResource>;
}

/**
 * Creates an empty ledger (or one seeded with processes and opening resources).
 *
 * @param init - optional processes and resources
 * @returns a ledger state
 * @example
 * ```ts
 * const ledger = createLedger({ processes: [{ id: 'p1', name: 'bake', basedOn: 'spec:baking' }] });
 * ```
 */
export function createLedger(init: LedgerInit = {}): LedgerState {
  return {
    resources: new Map([...(init.resources ?? [])].map((r) => [r.id, r])),
    events: new Map(),
    processes: new Map([...(init.processes ?? [])].map((p) => [p.id, p])),
  };
}
