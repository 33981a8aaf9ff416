/**
 * Who answers for an event, and a ledger written by several parties: an event is recorded only by
 * the side that answers for it, corrected only by that side, and nobody gives into or takes from
 * a resource they do not hold by naming it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../actions/action-table';
import type { EconomicEvent } from '../model/economic-event';
import type { EconomicResource } from '../model/economic-resource';
import { answeringAgent, answeringSide } from './answering-side';
import { applyEvent } from './apply-event';
import type { LedgerState } from './ledger-state';
import { replayLedger } from './replay-ledger';

/**
 * Written by hand from the ValueFlows 1.0 documentation of each action: who gives something up
 * (the provider: rights, custody, an input to a process) or who receives (the receiver).
 */
const DOCUMENTED_SIDES: Record<string, 'provider' | 'receiver'> = {
  // Something leaves the provider's resource.
  transfer: 'provider',
  transferAllRights: 'provider',
  transferCustody: 'provider',
  move: 'provider',
  consume: 'provider',
  lower: 'provider',
  pickup: 'provider',
  accept: 'provider',
  combine: 'provider',
  // Inputs the provider puts into a process: its resource used or cited, its work.
  use: 'provider',
  cite: 'provider',
  work: 'provider',
  // What the receiver gets: new or more resources, outputs of processes, copies, services.
  raise: 'receiver',
  produce: 'receiver',
  dropoff: 'receiver',
  modify: 'receiver',
  separate: 'receiver',
  copy: 'receiver',
  deliverService: 'receiver',
};

describe('the side that answers for each action', () => {
  it('covers every ValueFlows 1.0 action as its documentation says', () => {
    expect(Object.keys(DOCUMENTED_SIDES).sort()).toEqual([...ACTION_IDS]);
    for (const id of ACTION_IDS) expect([id, answeringSide(id)]).toEqual([id, DOCUMENTED_SIDES[id]]);
  });

  it('names the agent of that side', () => {
    const e = { provider: 'group:garden', receiver: 'group:kitchen' };
    expect(answeringAgent({ ...e, action: 'transfer' })).toBe('group:garden');
    expect(answeringAgent({ ...e, action: 'raise' })).toBe('group:kitchen');
  });
});

const kg = (n: number) => ({ hasNumericalValue: n, hasUnit: 'kilogram' });

/** A shared log: each event with the one who recorded it. */
function replayAs(entries: readonly [string, EconomicEvent][]) {
  const recorder = new Map(entries.map(([who, event]) => [event.id, who]));
  return replayLedger(
    entries.map(([, event]) => event),
    { speaksFor: (agent, event) => recorder.get(event.id) === agent },
  );
}

const raiseFlour: EconomicEvent = {
  id: 'open',
  action: 'raise',
  provider: 'garden',
  receiver: 'garden',
  resourceQuantity: kg(20),
  newInventoriedResource: { id: 'flour' },
};
const raiseBran: EconomicEvent = {
  id: 'open-bran',
  action: 'raise',
  provider: 'mallory',
  receiver: 'mallory',
  resourceQuantity: kg(1),
  newInventoriedResource: { id: 'bran' },
};
const give: EconomicEvent = {
  id: 'give',
  action: 'transfer',
  provider: 'garden',
  receiver: 'kitchen',
  resourceInventoriedAs: 'flour',
  resourceQuantity: kg(5),
  newInventoriedResource: { id: 'kitchen-flour' },
};

describe('a ledger several parties write (speaksFor)', () => {
  it('records a transfer only from its provider: one taking the owner’s flour for themselves is refused', () => {
    const forged: EconomicEvent = {
      ...give,
      id: 'forged',
      receiver: 'mallory',
      newInventoriedResource: { id: 'loot' },
    };
    const { state, rejections } = replayAs([
      ['garden', raiseFlour],
      ['mallory', forged],
    ]);
    expect(rejections.map((r) => [r.event.id, r.error.code, (r.error as { side?: string }).side])).toEqual([
      ['forged', 'VF_UNAUTHORISED_RECORDER', 'provider'],
    ]);
    expect(state.resources.get('flour')?.accountingQuantity).toEqual(kg(20));
    expect(state.resources.has('loot')).toBe(false);
  });

  it('records a receipt only from its receiver: nobody raises stock in another’s name', () => {
    const { rejections } = replayAs([
      ['garden', { ...raiseFlour, provider: 'kitchen', receiver: 'kitchen' }],
    ]);
    expect(rejections.map((r) => [r.error.code, (r.error as { agent?: string }).agent])).toEqual([
      ['VF_UNAUTHORISED_RECORDER', 'kitchen'],
    ]);
  });

  it('takes a correction only from the side of the corrected event; a refused one leaves the right to correct', () => {
    const fix: EconomicEvent = { ...give, id: 'fix', corrects: 'give', newInventoriedResource: undefined };
    const { state, rejections } = replayAs([
      ['garden', raiseFlour],
      ['garden', give],
      ['kitchen', { ...fix, id: 'kitchen-fix' }],
      ['garden', fix],
    ]);
    expect(rejections.map((r) => [r.event.id, r.error.code])).toEqual([
      ['kitchen-fix', 'VF_UNAUTHORISED_RECORDER'],
    ]);
    expect(state.events.get('give')?.correctedBy).toBe('fix');
    expect(state.resources.get('flour')?.accountingQuantity).toEqual(kg(20));
  });

  it('a correction keeps the corrected event’s receiver', () => {
    const { rejections } = replayAs([
      ['garden', raiseFlour],
      ['garden', give],
      [
        'garden',
        { ...give, id: 'fix', receiver: 'other', corrects: 'give', newInventoriedResource: undefined },
      ],
    ]);
    expect(rejections.map((r) => [r.error.code, (r.error as { rule?: string }).rule])).toEqual([
      ['VF_INVALID_EVENT', 'correction-receiver-mismatch'],
    ]);
  });
});

describe('nobody gives into, takes or changes a resource they do not hold by naming it', () => {
  const start = (): LedgerState => {
    const { state, rejections } = replayLedger([raiseFlour, raiseBran]);
    expect(rejections).toEqual([]);
    return state;
  };
  const rejected = (state: LedgerState, event: EconomicEvent) => {
    const r = applyEvent(state, event);
    expect(r.state).toBe(state);
    return r.ok ? 'applied' : r.error.code;
  };

  it('giving nothing of one’s own into the owner’s resource does not take its rights', () => {
    // Mallory gives 0 kg of her bran "into" the garden's flour, naming herself the receiver.
    const theft: EconomicEvent = {
      id: 'theft',
      action: 'transfer',
      provider: 'mallory',
      receiver: 'mallory',
      resourceInventoriedAs: 'bran',
      toResourceInventoriedAs: 'flour',
      resourceQuantity: kg(0),
    };
    expect(rejected(start(), theft)).toBe('VF_WRONG_RECEIVER');
    expect(rejected(start(), { ...theft, action: 'transferAllRights' })).toBe('VF_WRONG_RECEIVER');
    expect(rejected(start(), { ...theft, action: 'combine' })).toBe('VF_WRONG_RECEIVER');
  });

  it('a stock count, an output of a process or a use changes only what its answering side holds', () => {
    const count: EconomicEvent = {
      id: 'count',
      action: 'raise',
      provider: 'mallory',
      receiver: 'mallory',
      resourceInventoriedAs: 'flour',
      resourceQuantity: kg(100),
    };
    expect(rejected(start(), count)).toBe('VF_WRONG_RECEIVER');
    expect(rejected(start(), { ...count, action: 'dropoff' })).toBe('VF_WRONG_RECEIVER');
    expect(rejected(start(), { ...count, action: 'use', state: 'broken' })).toBe('VF_WRONG_PROVIDER');
    // The holder may.
    const own = applyEvent(start(), { ...count, provider: 'garden', receiver: 'garden' });
    expect(own.ok && own.state.resources.get('flour')?.onhandQuantity).toEqual(kg(120));
  });

  it('gives into a resource its receiver holds', () => {
    const r = applyEvent(start(), {
      id: 'gift',
      action: 'transfer',
      provider: 'mallory',
      receiver: 'garden',
      resourceInventoriedAs: 'bran',
      toResourceInventoriedAs: 'flour',
      resourceQuantity: kg(1),
    });
    expect(r.ok).toBe(true);
    expect(r.state.resources.get('flour')?.primaryAccountable).toBe('garden');
  });
});

const AGENTS = ['a0', 'a1', 'a2'];
const eventArb = fc.record({
  recorder: fc.constantFrom(...AGENTS),
  action: fc.constantFrom(...ACTION_IDS),
  provider: fc.constantFrom(...AGENTS),
  receiver: fc.constantFrom(...AGENTS),
  resourceInventoriedAs: fc.option(fc.constantFrom('r0', 'r1', 'r2'), { nil: undefined }),
  toResourceInventoriedAs: fc.option(fc.constantFrom('r0', 'r1', 'r2'), { nil: undefined }),
  amount: fc.integer({ min: 0, max: 30 }),
  state: fc.option(fc.constant('checked'), { nil: undefined }),
});

/** What an agent holds of a resource: its rights and its custody. */
function holdings(r: EconomicResource | undefined, agent: string) {
  if (r === undefined) return { rights: 0, custody: 0 };
  const holder = r.custodian ?? r.primaryAccountable;
  return {
    rights: r.primaryAccountable === agent ? r.accountingQuantity.hasNumericalValue : 0,
    custody: holder === agent ? r.onhandQuantity.hasNumericalValue : 0,
  };
}

describe('ledger property: what an agent holds shrinks only by events its own side records', () => {
  it('for any log recorded by any parties, no agent loses rights or custody to another’s event', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 25 }), (list) => {
        let state = replayLedger(
          AGENTS.map((agent, i) => ({
            id: `open-${i}`,
            action: 'raise' as const,
            provider: agent,
            receiver: agent,
            resourceQuantity: { hasNumericalValue: 50, hasUnit: 'one' },
            newInventoriedResource: { id: `r${i}` },
          })),
        ).state;
        list.forEach((e, i) => {
          const event: EconomicEvent = {
            id: `e${i}`,
            action: e.action,
            provider: e.provider,
            receiver: e.receiver,
            ...(e.resourceInventoriedAs ? { resourceInventoriedAs: e.resourceInventoriedAs } : {}),
            ...(e.toResourceInventoriedAs ? { toResourceInventoriedAs: e.toResourceInventoriedAs } : {}),
            resourceQuantity: { hasNumericalValue: e.amount, hasUnit: 'one' },
            effortQuantity: { hasNumericalValue: 1, hasUnit: 'hour' },
            ...(e.state ? { state: e.state } : {}),
          };
          const result = applyEvent(state, event, { speaksFor: (agent) => agent === e.recorder });
          if (result.ok) {
            for (const other of AGENTS.filter((a) => a !== e.recorder)) {
              for (const id of ['r0', 'r1', 'r2']) {
                const before = holdings(state.resources.get(id), other);
                const after = holdings(result.state.resources.get(id), other);
                expect(after.rights).toBeGreaterThanOrEqual(before.rights);
                expect(after.custody).toBeGreaterThanOrEqual(before.custody);
              }
            }
          }
          state = result.state;
        });
      }),
      { numRuns: 300 },
    );
  });
});
