/**
 * Test support for the ledger suites: a garden's opening balances (20 kg of potatoes, a drill)
 * and the check that an event is refused with its code, the state handed back unchanged.
 *
 * @module
 */
import { expect } from 'vitest';
import { applyEvent } from '../../src/ledger/apply-event';
import type { LedgerState } from '../../src/ledger/ledger-state';
import { replayLedger } from '../../src/ledger/replay-ledger';
import type { EconomicEvent } from '../../src/model/economic-event';

export const one = (n: number) => ({ hasNumericalValue: n, hasUnit: 'one' });
export const kg = (n: number) => ({ hasNumericalValue: n, hasUnit: 'kilogram' });

export const opening: EconomicEvent[] = [
  {
    id: 'e1',
    action: 'raise',
    provider: 'group:garden',
    receiver: 'group:garden',
    resourceQuantity: kg(20),
    newInventoriedResource: { id: 'potatoes', name: 'Potatoes', conformsTo: 'spec:potato' },
    atLocation: { id: 'place:garden', lat: 48.85, long: 2.35 },
  },
  {
    id: 'e2',
    action: 'raise',
    provider: 'group:garden',
    receiver: 'group:garden',
    resourceQuantity: one(1),
    newInventoriedResource: { id: 'drill', name: 'Drill', conformsTo: 'spec:drill' },
  },
];

export function start(): LedgerState {
  const { state, rejections } = replayLedger(opening);
  expect(rejections).toEqual([]);
  return state;
}

export function rejects(state: LedgerState, event: EconomicEvent, code: string): void {
  const r = applyEvent(state, event);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.code).toBe(code);
  // Atomic: the very same state comes back.
  expect(r.state).toBe(state);
}
