/**
 * Giving, lending and returning: rights (the accountable agent) and custody (who holds it) move
 * apart.
 */
import { describe, expect, it } from 'vitest';
import { kg, one, rejects, start } from '../../test/support/garden-ledger';
import { applyEvent } from './apply-event';

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
