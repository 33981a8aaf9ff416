/**
 * Claims (ValueFlows: "a claim for future economic events in reciprocity for an event that
 * already occurred"): work done triggers a claim, payments settle it, partly then fully.
 */
import { describe, expect, it } from 'vitest';
import { replayLedger } from '../ledger/replay-ledger';
import type { Claim } from '../model/claim';
import type { EconomicEvent } from '../model/economic-event';
import { trackSettlement } from './fulfilment';

const credits = (n: number) => ({ hasNumericalValue: n, hasUnit: 'credit' });

describe('claims and their settlement', () => {
  const work: EconomicEvent = {
    id: 'w1',
    action: 'work',
    provider: 'alice',
    receiver: 'group:repair-cafe',
    effortQuantity: { hasNumericalValue: 3, hasUnit: 'hour' },
  };
  const claim: Claim = {
    id: 'claim-1',
    action: 'transfer',
    provider: 'group:repair-cafe',
    receiver: 'alice',
    triggeredBy: 'w1',
    resourceQuantity: credits(30),
  };
  const open: EconomicEvent = {
    id: 'o1',
    action: 'raise',
    provider: 'group:repair-cafe',
    receiver: 'group:repair-cafe',
    resourceQuantity: credits(100),
    newInventoriedResource: { id: 'cafe-credits' },
  };
  const pay = (id: string, n: number, extra: Partial<EconomicEvent> = {}): EconomicEvent => ({
    id,
    action: 'transfer',
    provider: 'group:repair-cafe',
    receiver: 'alice',
    resourceInventoriedAs: 'cafe-credits',
    toResourceInventoriedAs: 'alice-credits',
    resourceQuantity: credits(n),
    settles: ['claim-1'],
    ...extra,
  });

  it('is settled partly, then fully; a corrected payment does not count', () => {
    const first = pay('p1', 10, {
      toResourceInventoriedAs: undefined,
      newInventoriedResource: { id: 'alice-credits' },
    });
    let { state, rejections } = replayLedger([open, work, first]);
    expect(rejections).toEqual([]);
    expect(trackSettlement([claim], state).get('claim-1')).toMatchObject({
      done: credits(10),
      remaining: credits(20),
      complete: false,
    });
    ({ state, rejections } = replayLedger([pay('p2', 20)], { initial: state }));
    expect(rejections).toEqual([]);
    expect(trackSettlement([claim], state).get('claim-1')).toMatchObject({
      done: credits(30),
      remaining: credits(0),
      complete: true,
      by: ['p1', 'p2'],
    });
    ({ state } = replayLedger([pay('p2-fix', 20, { corrects: 'p2' })], { initial: state }));
    expect(trackSettlement([claim], state).get('claim-1')).toMatchObject({
      done: credits(10),
      complete: false,
      by: ['p1'],
    });
    expect(state.resources.get('alice-credits')?.accountingQuantity).toEqual(credits(10));
  });
});
