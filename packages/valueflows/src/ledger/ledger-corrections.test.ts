/**
 * Corrections back an event out and keep it recorded; a replay stops at, or skips, a rejected
 * event and never modifies the state it starts from.
 */
import { describe, expect, it } from 'vitest';
import { kg, opening, rejects, start } from '../../test/support/garden-ledger';
import type { EconomicEvent } from '../model/economic-event';
import { applyEvent } from './apply-event';
import { replayLedger } from './replay-ledger';

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
