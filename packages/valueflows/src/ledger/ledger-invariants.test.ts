/**
 * The ledger's opening balances and its invariants: an event that breaks one is refused with its
 * code and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { kg, one, opening, rejects, start } from '../../test/support/garden-ledger';
import { applyEvent } from './apply-event';

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
