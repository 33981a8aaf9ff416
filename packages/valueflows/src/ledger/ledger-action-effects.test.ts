/**
 * Every action applied to the same situation, its observed effects checked against the effect
 * table of the ontology (all_vf.TTL, via the generated data) — each effect predicted here from
 * the effect names alone, as the ValueFlows documentation defines them.
 */
import { describe, expect, it } from 'vitest';
import { ACTION_IDS, ACTIONS } from '../actions/action-table';
import type { EconomicEvent } from '../model/economic-event';
import type { EconomicResource } from '../model/economic-resource';
import { answeringSide, changesResource } from './answering-side';
import { applyEvent } from './apply-event';
import { createLedger } from './ledger-state';

const kg = (n: number) => ({ hasNumericalValue: n, hasUnit: 'kilogram' });
const L0 = { id: 'place:mill' };
const L1 = { id: 'place:bakery' };
const L2 = { id: 'place:market' };

const R: EconomicResource = {
  id: 'r',
  conformsTo: 'spec:flour',
  accountingQuantity: kg(10),
  onhandQuantity: kg(10),
  primaryAccountable: 'alice',
  currentLocation: L0,
  containedIn: 'c',
  state: 'raw',
};
// Carol owns the to-resource, Bob holds it: what is given into it goes to the one who holds it.
const T: EconomicResource = {
  id: 't',
  conformsTo: 'spec:flour',
  accountingQuantity: kg(4),
  onhandQuantity: kg(4),
  primaryAccountable: 'carol',
  custodian: 'bob',
  currentLocation: L1,
};
const C: EconomicResource = {
  id: 'c',
  accountingQuantity: { hasNumericalValue: 1, hasUnit: 'one' },
  onhandQuantity: { hasNumericalValue: 1, hasUnit: 'one' },
  primaryAccountable: 'alice',
};
const ledger = createLedger({
  resources: [R, T, C],
  processes: [{ id: 'p1', name: 'milling', basedOn: 'spec:milling' }],
});

function delta(effect: string, side: 'from' | 'to'): number {
  if (effect === 'increment') return side === 'from' ? 3 : 0;
  if (effect === 'decrement') return side === 'from' ? -3 : 0;
  if (effect === 'incrementTo') return side === 'to' ? 3 : 0;
  if (effect === 'decrementIncrement') return side === 'from' ? -3 : 3;
  return 0;
}

/**
 * Written by hand from the ValueFlows documentation of each action (3 kg moved): changes of
 * [resource accounting, resource onhand, to-resource accounting, to-resource onhand].
 */
const DOCUMENTED_DELTAS: Record<string, [number, number, number, number]> = {
  produce: [3, 3, 0, 0],
  raise: [3, 3, 0, 0],
  consume: [-3, -3, 0, 0],
  lower: [-3, -3, 0, 0],
  use: [0, 0, 0, 0],
  cite: [0, 0, 0, 0],
  work: [0, 0, 0, 0],
  deliverService: [0, 0, 0, 0],
  pickup: [0, -3, 0, 0],
  dropoff: [0, 3, 0, 0],
  accept: [0, -3, 0, 0],
  modify: [0, 3, 0, 0],
  combine: [0, -3, 0, 0],
  separate: [0, 3, 0, 0],
  transfer: [-3, -3, 3, 3],
  move: [-3, -3, 3, 3],
  transferAllRights: [-3, 0, 3, 0],
  transferCustody: [0, -3, 0, 3],
  copy: [0, 0, 3, 3],
};

describe('each ValueFlows action applied to a resource and a to-resource', () => {
  for (const id of ACTION_IDS) {
    const a = ACTIONS[id];
    it(`${id}: ${a.accountingEffect}/${a.onhandEffect}, location ${a.locationEffect}, contained ${a.containedEffect}, accountable ${a.accountableEffect}, stage ${a.stageEffect}, state ${a.stateEffect}`, () => {
      // Alice holds the resource; Bob receives, except where the receiver answers for a change of
      // Alice's resource (a count, an output of a process): then she receives it herself.
      const receiver = answeringSide(a) === 'receiver' && changesResource(a) ? 'alice' : 'bob';
      const event: EconomicEvent = {
        id: 'x',
        action: id,
        provider: 'alice',
        receiver,
        resourceInventoriedAs: 'r',
        toResourceInventoriedAs: 't',
        resourceQuantity: kg(3),
        effortQuantity: { hasNumericalValue: 1, hasUnit: 'hour' },
        toLocation: L2,
        outputOf: 'p1',
        state: 'checked',
      };
      const result = applyEvent(ledger, event);
      expect(result.ok).toBe(true);
      const r = result.state.resources.get('r')!;
      const t = result.state.resources.get('t')!;
      expect(r.accountingQuantity).toEqual(kg(10 + delta(a.accountingEffect, 'from')));
      expect(r.onhandQuantity).toEqual(kg(10 + delta(a.onhandEffect, 'from')));
      expect(t.accountingQuantity).toEqual(kg(4 + delta(a.accountingEffect, 'to')));
      expect(t.onhandQuantity).toEqual(kg(4 + delta(a.onhandEffect, 'to')));
      const [ra, ro, ta, to] = DOCUMENTED_DELTAS[id]!;
      expect([
        r.accountingQuantity.hasNumericalValue - 10,
        r.onhandQuantity.hasNumericalValue - 10,
        t.accountingQuantity.hasNumericalValue - 4,
        t.onhandQuantity.hasNumericalValue - 4,
      ]).toEqual([ra, ro, ta, to]);
      expect(r.currentLocation).toEqual(a.locationEffect === 'update' ? L2 : L0);
      expect(t.currentLocation).toEqual(a.locationEffect === 'updateTo' ? L2 : L1);
      expect(r.containedIn).toBe(
        a.containedEffect === 'update' ? 't' : a.containedEffect === 'remove' ? undefined : 'c',
      );
      expect(t.primaryAccountable).toBe(a.accountableEffect === 'updateTo' ? 'bob' : 'carol');
      expect(r.primaryAccountable).toBe('alice');
      // Rights given into the resource Bob holds make him its owner and no longer a mere custodian;
      // custody given into it leaves him its custodian.
      expect(t.custodian).toBe(a.accountableEffect === 'updateTo' ? undefined : 'bob');
      expect(r.stage).toBe(a.stageEffect === 'update' ? 'spec:milling' : undefined);
      expect(r.state).toBe(a.stateEffect === 'update' ? 'checked' : 'raw');
      expect(t.state).toBe(a.stateEffect === 'updateTo' ? 'checked' : undefined);
      // The input state is untouched (pure reducer).
      expect(ledger.resources.get('r')).toBe(R);
      expect(ledger.events.size).toBe(0);
    });
  }
});
