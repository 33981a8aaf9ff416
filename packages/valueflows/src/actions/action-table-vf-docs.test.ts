/**
 * The action table against the ValueFlows documentation ("Actions" page of valueflo.ws, the
 * table of action behaviours), written down by hand here — independently of all_vf.TTL.
 */
import { describe, expect, it } from 'vitest';
import { ACTION_IDS, ACTIONS, getAction, normalizeActionId } from './action-table';

// action: [inputOutput, accounting, onhand, pairsWith]
const DOCS: Record<string, [string, string, string, string]> = {
  produce: ['output', 'increment', 'increment', 'notApplicable'],
  use: ['input', 'notApplicable', 'notApplicable', 'notApplicable'],
  consume: ['input', 'decrement', 'decrement', 'notApplicable'],
  cite: ['input', 'notApplicable', 'notApplicable', 'notApplicable'],
  work: ['input', 'notApplicable', 'notApplicable', 'notApplicable'],
  deliverService: ['outputInput', 'notApplicable', 'notApplicable', 'notApplicable'],
  pickup: ['input', 'notApplicable', 'decrement', 'dropoff'],
  dropoff: ['output', 'notApplicable', 'increment', 'pickup'],
  accept: ['input', 'notApplicable', 'decrement', 'modify'],
  modify: ['output', 'notApplicable', 'increment', 'accept'],
  combine: ['input', 'notApplicable', 'decrement', 'notApplicable'],
  separate: ['output', 'notApplicable', 'increment', 'notApplicable'],
  transferAllRights: ['notApplicable', 'decrementIncrement', 'notApplicable', 'notApplicable'],
  transferCustody: ['notApplicable', 'notApplicable', 'decrementIncrement', 'notApplicable'],
  transfer: ['notApplicable', 'decrementIncrement', 'decrementIncrement', 'notApplicable'],
  move: ['notApplicable', 'decrementIncrement', 'decrementIncrement', 'notApplicable'],
  raise: ['notApplicable', 'increment', 'increment', 'notApplicable'],
  lower: ['notApplicable', 'decrement', 'decrement', 'notApplicable'],
  copy: ['notApplicable', 'incrementTo', 'incrementTo', 'notApplicable'],
};

describe('ValueFlows 1.0 actions (documentation table)', () => {
  it('has exactly the nineteen documented actions', () => {
    expect([...ACTION_IDS].sort()).toEqual(Object.keys(DOCS).sort());
  });

  for (const [id, [inputOutput, accounting, onhand, pairsWith]] of Object.entries(DOCS)) {
    it(`${id}: ${inputOutput}, accounting ${accounting}, onhand ${onhand}`, () => {
      const a = getAction(id);
      expect(a.inputOutput).toBe(inputOutput);
      expect(a.accountingEffect).toBe(accounting);
      expect(a.onhandEffect).toBe(onhand);
      expect(a.pairsWith).toBe(pairsWith);
    });
  }

  it('only the transfers of rights change who is accountable; custody alone does not', () => {
    const changes = ACTION_IDS.filter((a) => ACTIONS[a].accountableEffect === 'updateTo');
    expect(changes.sort()).toEqual(['transfer', 'transferAllRights']);
    expect(ACTIONS.transferCustody.accountableEffect).toBe('notApplicable');
  });

  it('work is measured in effort, use in both, the rest in resource quantity', () => {
    expect(ACTIONS.work.eventQuantity).toBe('effort');
    expect(ACTIONS.use.eventQuantity).toBe('both');
    for (const a of ACTION_IDS.filter((x) => x !== 'work' && x !== 'use')) {
      expect(ACTIONS[a].eventQuantity).toBe('resource');
    }
  });

  it('produce, raise and lower may create the resource; transfers, move and copy the to-resource', () => {
    const optional = ACTION_IDS.filter((a) => ACTIONS[a].createResource === 'optional');
    const optionalTo = ACTION_IDS.filter((a) => ACTIONS[a].createResource === 'optionalTo');
    expect(optional.sort()).toEqual(['lower', 'produce', 'raise']);
    expect(optionalTo.sort()).toEqual(['copy', 'move', 'transfer', 'transferAllRights', 'transferCustody']);
  });

  it('combine puts into a container and separate takes out', () => {
    expect(ACTIONS.combine.containedEffect).toBe('update');
    expect(ACTIONS.separate.containedEffect).toBe('remove');
    expect(ACTION_IDS.filter((a) => ACTIONS[a].containedEffect !== 'notApplicable').sort()).toEqual([
      'combine',
      'separate',
    ]);
  });

  it('location follows the flow: updated on the to-resource by transfers and moves', () => {
    for (const a of ['transfer', 'transferCustody', 'move'] as const)
      expect(ACTIONS[a].locationEffect).toBe('updateTo');
    expect(ACTIONS.transferAllRights.locationEffect).toBe('notApplicable');
    for (const a of ['pickup', 'dropoff', 'accept', 'modify'] as const)
      expect(ACTIONS[a].locationEffect).toBe('update');
    for (const a of ['produce', 'copy'] as const) expect(ACTIONS[a].locationEffect).toBe('new');
  });

  it('outputs of a process take its stage', () => {
    const staged = ACTION_IDS.filter((a) => ACTIONS[a].stageEffect === 'update');
    expect(staged.sort()).toEqual(['dropoff', 'modify', 'produce', 'separate']);
  });

  it('reads vf-graphql 0.8 spellings and IRIs', () => {
    expect(normalizeActionId('deliver-service')).toBe('deliverService');
    expect(normalizeActionId('transfer-custody')).toBe('transferCustody');
    expect(normalizeActionId('https://w3id.org/valueflows/ont/vf#move')).toBe('move');
    expect(() => normalizeActionId('steal')).toThrow(expect.objectContaining({ code: 'VF_UNKNOWN_ACTION' }));
  });
});
