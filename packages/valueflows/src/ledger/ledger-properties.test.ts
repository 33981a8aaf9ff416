import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../actions/action-table';
import type { EconomicEvent } from '../model/economic-event';
import { applyEvent } from './apply-event';
import { replayLedger } from './replay-ledger';

const AGENTS = ['a0', 'a1', 'a2', 'a3'];
const opening: EconomicEvent[] = AGENTS.map((agent, i) => ({
  id: `open-${i}`,
  action: 'raise',
  provider: agent,
  receiver: agent,
  resourceQuantity: { hasNumericalValue: 50, hasUnit: 'one' },
  newInventoriedResource: { id: `r${i}`, conformsTo: 'spec:token' },
}));

const transferArb = fc.record({
  action: fc.constantFrom('transfer', 'transferAllRights', 'transferCustody', 'move' as const),
  from: fc.nat(3),
  to: fc.nat(3),
  providerIsOwner: fc.boolean(),
  amount: fc.integer({ min: 0, max: 40 }),
});

function transfers(
  list: {
    action: EconomicEvent['action'];
    from: number;
    to: number;
    providerIsOwner: boolean;
    amount: number;
  }[],
): EconomicEvent[] {
  return list.map((t, i) => ({
    id: `t${i}`,
    action: t.action,
    provider: t.providerIsOwner ? AGENTS[t.from]! : AGENTS[(t.from + 1) % 4]!,
    receiver: AGENTS[t.to]!,
    resourceInventoriedAs: `r${t.from}`,
    toResourceInventoriedAs: `r${t.to}`,
    resourceQuantity: { hasNumericalValue: t.amount, hasUnit: 'one' },
  }));
}

const total = (events: EconomicEvent[], q: 'accountingQuantity' | 'onhandQuantity') => {
  const { state } = replayLedger(events);
  return [...state.resources.values()].reduce((s, r) => s + r[q].hasNumericalValue, 0);
};

const anyEventArb = fc.record({
  id: fc.constantFrom('x', 'open-0', 'y'),
  action: fc.constantFrom(...ACTION_IDS),
  provider: fc.constantFrom(...AGENTS),
  receiver: fc.constantFrom(...AGENTS),
  resourceInventoriedAs: fc.option(fc.constantFrom('r0', 'r1', 'zz'), { nil: undefined }),
  toResourceInventoriedAs: fc.option(fc.constantFrom('r2', 'r3', 'r0', 'zz'), { nil: undefined }),
  resourceQuantity: fc.option(
    fc.record({
      hasNumericalValue: fc.integer({ min: 0, max: 80 }),
      hasUnit: fc.constantFrom('one', 'kilogram'),
    }),
    { nil: undefined },
  ),
  effortQuantity: fc.option(fc.constant({ hasNumericalValue: 1, hasUnit: 'hour' }), { nil: undefined }),
  corrects: fc.option(fc.constantFrom('open-1', 'nope'), { nil: undefined }),
});

describe('ledger properties', () => {
  it('transfers conserve the total accounting and onhand quantities', () => {
    fc.assert(
      fc.property(fc.array(transferArb, { maxLength: 30 }), (list) => {
        const events = [...opening, ...transfers(list)];
        expect(total(events, 'accountingQuantity')).toBe(200);
        expect(total(events, 'onhandQuantity')).toBe(200);
      }),
      { numRuns: 150 },
    );
  });

  it('no quantity ever goes below zero', () => {
    fc.assert(
      fc.property(fc.array(transferArb, { maxLength: 30 }), (list) => {
        const { state } = replayLedger([...opening, ...transfers(list)]);
        for (const r of state.resources.values()) {
          expect(r.accountingQuantity.hasNumericalValue).toBeGreaterThanOrEqual(0);
          expect(r.onhandQuantity.hasNumericalValue).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('an event is applied whole or not at all', () => {
    const { state } = replayLedger(opening);
    const snapshot = JSON.stringify([...state.resources.entries()]);
    fc.assert(
      fc.property(anyEventArb, (raw) => {
        const event = Object.fromEntries(
          Object.entries(raw).filter(([, v]) => v !== undefined),
        ) as unknown as EconomicEvent;
        const r = applyEvent(state, event);
        if (!r.ok) {
          expect(r.state).toBe(state);
          expect(typeof r.error.code).toBe('string');
        } else {
          expect(r.state.events.size).toBe(state.events.size + 1);
        }
        expect(JSON.stringify([...state.resources.entries()])).toBe(snapshot);
      }),
      { numRuns: 400 },
    );
  });

  it('replay is deterministic, and replaying in two parts gives the same state', () => {
    fc.assert(
      fc.property(fc.array(transferArb, { maxLength: 20 }), fc.nat(24), (list, cut) => {
        const events = [...opening, ...transfers(list)];
        const a = replayLedger(events);
        const b = replayLedger(events);
        const k = Math.min(cut, events.length);
        const first = replayLedger(events.slice(0, k));
        const c = replayLedger(events.slice(k), { initial: first.state });
        const view = (s: typeof a.state) => JSON.stringify([...s.resources.entries()]);
        expect(view(b.state)).toBe(view(a.state));
        expect(view(c.state)).toBe(view(a.state));
        expect(a.rejections.map((r) => r.event.id)).toEqual(
          [...first.rejections, ...c.rejections].map((r) => r.event.id),
        );
      }),
      { numRuns: 100 },
    );
  });
});
