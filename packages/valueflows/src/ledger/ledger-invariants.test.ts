import { describe, expect, it } from 'vitest';
import type { EconomicEvent } from '../model/economic-event';
import { applyEvent } from './apply-event';
import type { LedgerState } from './ledger-state';
import { replayLedger } from './replay-ledger';

const one = (n: number) => ({ hasNumericalValue: n, hasUnit: 'one' });
const kg = (n: number) => ({ hasNumericalValue: n, hasUnit: 'kilogram' });

const opening: EconomicEvent[] = [
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

function start(): LedgerState {
  const { state, rejections } = replayLedger(opening);
  expect(rejections).toEqual([]);
  return state;
}

function rejects(state: LedgerState, event: EconomicEvent, code: string): void {
  const r = applyEvent(state, event);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.code).toBe(code);
  // Atomic: the very same state comes back.
  expect(r.state).toBe(state);
}

describe('ledger: opening balances', () => {
  it('raise with a new resource creates it with the receiver accountable and the event location', () => {
    const s = start();
    const p = s.resources.get('potatoes')!;
    expect(p.accountingQuantity).toEqual(kg(20));
    expect(p.onhandQuantity).toEqual(kg(20));
    expect(p.primaryAccountable).toBe('group:garden');
    expect(p.conformsTo).toBe('spec:potato');
    expect(s.events.get('e2')?.sequence).toBe(1);
  });
});

describe('ledger: invariants reject the event and change nothing', () => {
  it('unknown resource', () => {
    rejects(
      start(),
      {
        id: 'x',
        action: 'consume',
        provider: 'group:garden',
        receiver: 'group:garden',
        resourceInventoriedAs: 'carrots',
        resourceQuantity: kg(1),
      },
      'VF_UNKNOWN_RESOURCE',
    );
  });

  it('unknown to-resource', () => {
    rejects(
      start(),
      {
        id: 'x',
        action: 'transfer',
        provider: 'group:garden',
        receiver: 'group:kitchen',
        resourceInventoriedAs: 'potatoes',
        toResourceInventoriedAs: 'nowhere',
        resourceQuantity: kg(1),
      },
      'VF_UNKNOWN_RESOURCE',
    );
  });

  it('negative onhand quantity', () => {
    rejects(
      start(),
      {
        id: 'x',
        action: 'consume',
        provider: 'group:garden',
        receiver: 'group:garden',
        resourceInventoriedAs: 'potatoes',
        resourceQuantity: kg(21),
      },
      'VF_NEGATIVE_QUANTITY',
    );
  });

  it('wrong provider: rights are taken only by the primary accountable agent', () => {
    rejects(
      start(),
      {
        id: 'x',
        action: 'transfer',
        provider: 'group:thieves',
        receiver: 'group:thieves',
        resourceInventoriedAs: 'potatoes',
        resourceQuantity: kg(20),
      },
      'VF_WRONG_PROVIDER',
    );
  });

  it('unit mismatch: litres of potatoes counted in kilograms', () => {
    rejects(
      start(),
      {
        id: 'x',
        action: 'consume',
        provider: 'group:garden',
        receiver: 'group:garden',
        resourceInventoriedAs: 'potatoes',
        resourceQuantity: { hasNumericalValue: 2, hasUnit: 'litre' },
      },
      'VF_UNIT_MISMATCH',
    );
  });

  it('convertible units are converted (OM2): 500 gram out of 20 kilogram', () => {
    const r = applyEvent(start(), {
      id: 'x',
      action: 'consume',
      provider: 'group:garden',
      receiver: 'group:garden',
      resourceInventoriedAs: 'potatoes',
      resourceQuantity: { hasNumericalValue: 500, hasUnit: 'gram' },
    });
    expect(r.ok).toBe(true);
    expect(r.state.resources.get('potatoes')?.onhandQuantity).toEqual(kg(19.5));
  });

  it('duplicate event identifier: events are immutable', () => {
    rejects(start(), { ...opening[0]!, newInventoriedResource: { id: 'other' } }, 'VF_DUPLICATE_EVENT');
  });

  it('duplicate resource identifier', () => {
    rejects(start(), { ...opening[0]!, id: 'x' }, 'VF_DUPLICATE_RESOURCE');
  });

  it('an action that cannot create resources', () => {
    rejects(
      start(),
      {
        id: 'x',
        action: 'consume',
        provider: 'a',
        receiver: 'a',
        resourceQuantity: kg(1),
        newInventoriedResource: { id: 'n' },
      },
      'VF_INVALID_EVENT',
    );
  });

  it('a quantity effect without a quantity', () => {
    const r = applyEvent(start(), {
      id: 'x',
      action: 'consume',
      provider: 'group:garden',
      receiver: 'group:garden',
      resourceInventoriedAs: 'potatoes',
    });
    expect(r.ok || r.error.code).toBe('VF_INVALID_EVENT');
    if (!r.ok) expect((r.error as { rule?: string }).rule).toBe('missing-resource-quantity');
  });

  it('work without effort', () => {
    rejects(
      start(),
      { id: 'x', action: 'work', provider: 'alice', receiver: 'group:garden' },
      'VF_INVALID_EVENT',
    );
  });

  it('part of a resource given without naming the receiving resource', () => {
    rejects(
      start(),
      {
        id: 'x',
        action: 'transfer',
        provider: 'group:garden',
        receiver: 'group:kitchen',
        resourceInventoriedAs: 'potatoes',
        resourceQuantity: kg(5),
      },
      'VF_INVALID_EVENT',
    );
  });

  it('a resource cannot end up containing itself', () => {
    const s = start();
    const packed = applyEvent(s, {
      id: 'x1',
      action: 'combine',
      provider: 'group:garden',
      receiver: 'group:garden',
      resourceInventoriedAs: 'drill',
      toResourceInventoriedAs: 'potatoes',
      resourceQuantity: one(0),
    });
    expect(packed.ok).toBe(true);
    rejects(
      packed.state,
      {
        id: 'x2',
        action: 'combine',
        provider: 'group:garden',
        receiver: 'group:garden',
        resourceInventoriedAs: 'potatoes',
        toResourceInventoriedAs: 'drill',
        resourceQuantity: kg(0),
      },
      'VF_INVALID_EVENT',
    );
  });
});

describe('ledger: giving, lending, returning (rights versus custody)', () => {
  it('a whole resource given away changes its accountable agent and location', () => {
    const r = applyEvent(start(), {
      id: 'give',
      action: 'transfer',
      provider: 'group:garden',
      receiver: 'group:kitchen',
      resourceInventoriedAs: 'drill',
      resourceQuantity: one(1),
      toLocation: { id: 'place:kitchen' },
    });
    expect(r.ok).toBe(true);
    const drill = r.state.resources.get('drill')!;
    expect(drill.primaryAccountable).toBe('group:kitchen');
    expect(drill.onhandQuantity).toEqual(one(1));
    expect(drill.currentLocation).toEqual({ id: 'place:kitchen' });
  });

  it('part of a stock given into a new resource of the receiver', () => {
    const r = applyEvent(start(), {
      id: 'give',
      action: 'transfer',
      provider: 'group:garden',
      receiver: 'group:kitchen',
      resourceInventoriedAs: 'potatoes',
      resourceQuantity: kg(5),
      newInventoriedResource: { id: 'kitchen-potatoes' },
    });
    expect(r.ok).toBe(true);
    expect(r.state.resources.get('potatoes')?.accountingQuantity).toEqual(kg(15));
    const k = r.state.resources.get('kitchen-potatoes')!;
    expect(k.accountingQuantity).toEqual(kg(5));
    expect(k.onhandQuantity).toEqual(kg(5));
    expect(k.primaryAccountable).toBe('group:kitchen');
    expect(k.conformsTo).toBe('spec:potato');
  });

  it('a loan moves custody, not rights; the borrower returns it', () => {
    const lend = applyEvent(start(), {
      id: 'lend',
      action: 'transferCustody',
      provider: 'group:garden',
      receiver: 'group:kitchen',
      resourceInventoriedAs: 'drill',
      resourceQuantity: one(1),
    });
    expect(lend.ok).toBe(true);
    const lent = lend.state.resources.get('drill')!;
    expect(lent.primaryAccountable).toBe('group:garden');
    expect(lent.custodian).toBe('group:kitchen');
    expect(lent.accountingQuantity).toEqual(one(1));

    // The owner cannot hand over what it does not hold.
    rejects(
      lend.state,
      {
        id: 'lend-again',
        action: 'transferCustody',
        provider: 'group:garden',
        receiver: 'group:other',
        resourceInventoriedAs: 'drill',
        resourceQuantity: one(1),
      },
      'VF_WRONG_PROVIDER',
    );
    // Nor can the borrower give it away.
    rejects(
      lend.state,
      {
        id: 'steal',
        action: 'transfer',
        provider: 'group:kitchen',
        receiver: 'group:kitchen',
        resourceInventoriedAs: 'drill',
        resourceQuantity: one(1),
      },
      'VF_WRONG_PROVIDER',
    );
    const back = applyEvent(lend.state, {
      id: 'return',
      action: 'transferCustody',
      provider: 'group:kitchen',
      receiver: 'group:garden',
      resourceInventoriedAs: 'drill',
      resourceQuantity: one(1),
    });
    expect(back.ok).toBe(true);
    expect(back.state.resources.get('drill')?.custodian).toBeUndefined();
  });

  it('giving the rights to a whole resource without custody: the giver keeps holding it', () => {
    const r = applyEvent(start(), {
      id: 'sell',
      action: 'transferAllRights',
      provider: 'group:garden',
      receiver: 'group:kitchen',
      resourceInventoriedAs: 'drill',
      resourceQuantity: one(1),
    });
    expect(r.ok).toBe(true);
    const drill = r.state.resources.get('drill')!;
    expect(drill.primaryAccountable).toBe('group:kitchen');
    expect(drill.custodian).toBe('group:garden');
    // Custody is then handed over by the one who holds it.
    const handover = applyEvent(r.state, {
      id: 'handover',
      action: 'transferCustody',
      provider: 'group:garden',
      receiver: 'group:kitchen',
      resourceInventoriedAs: 'drill',
      resourceQuantity: one(1),
    });
    expect(handover.ok).toBe(true);
    expect(handover.state.resources.get('drill')?.custodian).toBeUndefined();
  });

  it('lending part of a stock: custody resource of the borrower, rights stay with the lender', () => {
    const r = applyEvent(start(), {
      id: 'lend',
      action: 'transferCustody',
      provider: 'group:garden',
      receiver: 'group:kitchen',
      resourceInventoriedAs: 'potatoes',
      resourceQuantity: kg(2),
      newInventoriedResource: { id: 'potatoes-at-kitchen' },
    });
    expect(r.ok).toBe(true);
    expect(r.state.resources.get('potatoes')?.onhandQuantity).toEqual(kg(18));
    expect(r.state.resources.get('potatoes')?.accountingQuantity).toEqual(kg(20));
    const k = r.state.resources.get('potatoes-at-kitchen')!;
    expect(k.onhandQuantity).toEqual(kg(2));
    expect(k.accountingQuantity).toEqual(kg(0));
    expect(k.primaryAccountable).toBe('group:garden');
    expect(k.custodian).toBe('group:kitchen');
  });
});

describe('ledger: corrections', () => {
  const consume: EconomicEvent = {
    id: 'c1',
    action: 'consume',
    provider: 'group:garden',
    receiver: 'group:garden',
    resourceInventoriedAs: 'potatoes',
    resourceQuantity: kg(8),
  };

  it('a correcting event backs the wrong one out; the original stays recorded', () => {
    const s1 = applyEvent(start(), consume);
    expect(s1.state.resources.get('potatoes')?.onhandQuantity).toEqual(kg(12));
    const s2 = applyEvent(s1.state, { ...consume, id: 'c1-fix', corrects: 'c1' });
    expect(s2.ok).toBe(true);
    expect(s2.state.resources.get('potatoes')?.onhandQuantity).toEqual(kg(20));
    expect(s2.state.events.get('c1')?.event).toBe(consume);
    expect(s2.state.events.get('c1')?.correctedBy).toBe('c1-fix');
    const s3 = applyEvent(s2.state, { ...consume, id: 'c1-right', resourceQuantity: kg(3) });
    expect(s3.state.resources.get('potatoes')?.onhandQuantity).toEqual(kg(17));
  });

  it('correcting twice, an unknown event, or with another action is rejected', () => {
    const s1 = applyEvent(start(), consume).state;
    const s2 = applyEvent(s1, { ...consume, id: 'fix', corrects: 'c1' }).state;
    rejects(s2, { ...consume, id: 'fix2', corrects: 'c1' }, 'VF_ALREADY_CORRECTED');
    rejects(s2, { ...consume, id: 'fix3', corrects: 'nope' }, 'VF_UNKNOWN_EVENT');
    rejects(s1, { ...consume, id: 'fix4', action: 'lower', corrects: 'c1' }, 'VF_INVALID_EVENT');
  });

  it('backing out an event that later events depend on is rejected', () => {
    let s = start();
    s = applyEvent(s, { ...consume, id: 'a', resourceQuantity: kg(20) }).state;
    // Backing out the opening raise would leave -20 kg.
    rejects(
      s,
      { ...opening[0]!, id: 'fix', corrects: 'e1', newInventoriedResource: undefined },
      'VF_NEGATIVE_QUANTITY',
    );
  });
});

describe('ledger: replay', () => {
  it('stops at the first rejected event, or skips it', () => {
    const bad: EconomicEvent = {
      id: 'bad',
      action: 'consume',
      provider: 'x',
      receiver: 'x',
      resourceInventoriedAs: 'none',
      resourceQuantity: kg(1),
    };
    const good: EconomicEvent = {
      id: 'good',
      action: 'consume',
      provider: 'group:garden',
      receiver: 'group:garden',
      resourceInventoriedAs: 'potatoes',
      resourceQuantity: kg(1),
    };
    const stop = replayLedger([...opening, bad, good], { onRejection: 'stop' });
    expect(stop.rejections.map((r) => [r.index, r.error.code])).toEqual([[2, 'VF_UNKNOWN_RESOURCE']]);
    expect(stop.state.events.has('good')).toBe(false);
    const skip = replayLedger([...opening, bad, good]);
    expect(skip.rejections).toHaveLength(1);
    expect(skip.state.resources.get('potatoes')?.onhandQuantity).toEqual(kg(19));
  });

  it('does not modify the initial state it starts from', () => {
    const s = start();
    const before = s.resources.get('potatoes');
    replayLedger(
      [
        {
          id: 'z',
          action: 'consume',
          provider: 'group:garden',
          receiver: 'group:garden',
          resourceInventoriedAs: 'potatoes',
          resourceQuantity: kg(1),
        },
      ],
      { initial: s },
    );
    expect(s.resources.get('potatoes')).toBe(before);
    expect(s.events.has('z')).toBe(false);
  });
});
