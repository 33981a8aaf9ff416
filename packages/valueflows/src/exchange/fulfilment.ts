/**
 * How far commitments are fulfilled and intents satisfied by what the ledger recorded
 * (`vf:fulfills`, `vf:satisfies`); corrected events and their corrections do not count.
 *
 * @module
 */

import type { LedgerState } from '../ledger/ledger-state';
import { conversionFactor } from '../measures/measure-arithmetic';
import type { Agreement } from '../model/agreement';
import type { Claim } from '../model/claim';
import type { Commitment } from '../model/commitment';
import type { EconomicEvent } from '../model/economic-event';
import type { PlannedFlow } from '../model/flow';
import type { Intent } from '../model/intent';
import type { Measure } from '../model/measure';

/** Progress of one planned flow. */
export interface FlowProgress {
  readonly id: string;
  /** The planned quantity, if any. */
  readonly planned?: Measure;
  /** What was done, in the planned unit (or the first event's unit when nothing was planned). */
  readonly done?: Measure;
  /** What remains to be done (never negative). */
  readonly remaining?: Measure;
  /** Done at least as much as planned, or marked finished. */
  readonly complete: boolean;
  /** The events (and for intents, commitments) that count towards it. */
  readonly by: readonly string[];
}

/** Events that still count: neither corrected nor corrections. */
function liveEvents(ledger: LedgerState): EconomicEvent[] {
  const out: EconomicEvent[] = [];
  for (const r of ledger.events.values()) {
    if (r.correctedBy === undefined && r.event.corrects === undefined) out.push(r.event);
  }
  return out.sort((a, b) => ledger.events.get(a.id)!.sequence - ledger.events.get(b.id)!.sequence);
}

function plannedOf(f: PlannedFlow): Measure | undefined {
  return f.resourceQuantity ?? f.effortQuantity;
}

function progress(flow: PlannedFlow, contributions: { id: string; quantity?: Measure }[]): FlowProgress {
  const planned = plannedOf(flow);
  let unit = planned?.hasUnit;
  let total = 0;
  const by: string[] = [];
  for (const c of contributions) {
    by.push(c.id);
    if (c.quantity === undefined) continue;
    unit ??= c.quantity.hasUnit;
    const factor = conversionFactor(c.quantity.hasUnit, unit);
    if (factor !== undefined) total += c.quantity.hasNumericalValue * factor;
  }
  const out: { -readonly [K in keyof FlowProgress]: FlowProgress[K] } = {
    id: flow.id,
    complete:
      flow.finished === true ||
      (planned !== undefined ? total >= planned.hasNumericalValue - 1e-9 : by.length > 0),
    by,
  };
  if (planned !== undefined) {
    out.planned = planned;
    out.remaining = {
      hasNumericalValue: Number(Math.max(0, planned.hasNumericalValue - total).toPrecision(12)),
      hasUnit: planned.hasUnit,
    };
  }
  if (unit !== undefined && by.length > 0)
    out.done = { hasNumericalValue: Number(total.toPrecision(12)), hasUnit: unit };
  return out;
}

/**
 * Fulfilment of commitments: the events of the ledger whose `fulfills` names them.
 *
 * @param commitments - the commitments to follow
 * @param ledger - the ledger state
 * @returns progress by commitment id
 */
export function trackFulfilment(
  commitments: readonly Commitment[],
  ledger: LedgerState,
): Map<string, FlowProgress> {
  const byCommitment = new Map<string, { id: string; quantity?: Measure }[]>();
  for (const e of liveEvents(ledger)) {
    for (const c of e.fulfills ?? []) {
      const list = byCommitment.get(c) ?? [];
      list.push({ id: e.id, quantity: e.resourceQuantity ?? e.effortQuantity });
      byCommitment.set(c, list);
    }
  }
  return new Map(commitments.map((c) => [c.id, progress(c, byCommitment.get(c.id) ?? [])]));
}

/**
 * Settlement of claims: the events of the ledger whose `settles` names them (ValueFlows
 * `vf:settles`, fully or partially).
 *
 * @param claims - the claims to follow
 * @param ledger - the ledger state
 * @returns progress by claim id
 */
export function trackSettlement(claims: readonly Claim[], ledger: LedgerState): Map<string, FlowProgress> {
  const byClaim = new Map<string, { id: string; quantity?: Measure }[]>();
  for (const e of liveEvents(ledger)) {
    for (const c of e.settles ?? []) {
      const list = byClaim.get(c) ?? [];
      list.push({ id: e.id, quantity: e.resourceQuantity ?? e.effortQuantity });
      byClaim.set(c, list);
    }
  }
  return new Map(claims.map((c) => [c.id, progress(c, byClaim.get(c.id) ?? [])]));
}

/**
 * Satisfaction of intents: the events whose `satisfies` names them directly, and the events
 * fulfilling commitments that satisfy them.
 *
 * @param intents - the intents to follow
 * @param commitments - commitments that may satisfy them
 * @param ledger - the ledger state
 * @returns progress by intent id (`by` lists the events and commitments)
 */
export function trackSatisfaction(
  intents: readonly Intent[],
  commitments: readonly Commitment[],
  ledger: LedgerState,
): Map<string, FlowProgress> {
  const fulfilment = trackFulfilment(commitments, ledger);
  const byIntent = new Map<string, { id: string; quantity?: Measure }[]>();
  const add = (intent: string, x: { id: string; quantity?: Measure }) => {
    const list = byIntent.get(intent) ?? [];
    list.push(x);
    byIntent.set(intent, list);
  };
  for (const e of liveEvents(ledger)) {
    for (const i of e.satisfies ?? []) add(i, { id: e.id, quantity: e.resourceQuantity ?? e.effortQuantity });
  }
  for (const c of commitments) {
    const done = fulfilment.get(c.id)?.done;
    for (const i of c.satisfies ?? [])
      add(i, done === undefined ? { id: c.id } : { id: c.id, quantity: done });
  }
  return new Map(intents.map((i) => [i.id, progress(i, byIntent.get(i.id) ?? [])]));
}

/**
 * Whether an agreement is fully realised: all its primary and reciprocal commitments complete.
 *
 * @param agreement - the agreement
 * @param commitments - its commitments (others are ignored)
 * @param ledger - the ledger state
 * @returns completion and the progress of each commitment
 */
export function agreementProgress(
  agreement: Agreement,
  commitments: readonly Commitment[],
  ledger: LedgerState,
): { readonly complete: boolean; readonly commitments: Map<string, FlowProgress> } {
  const ids = new Set([...agreement.stipulates, ...agreement.stipulatesReciprocal]);
  const mine = commitments.filter((c) => ids.has(c.id));
  const map = trackFulfilment(mine, ledger);
  return {
    complete: mine.length === ids.size && [...map.values()].every((p) => p.complete),
    commitments: map,
  };
}
