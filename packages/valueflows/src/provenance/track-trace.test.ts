/**
 * Track and trace as the ValueFlows notes describe them ("Track and Trace" algorithms), on the
 * bakery (flour → bread, a paid delivery, a corrected event, a basket) and on a transport that
 * carries two resources at once (only the matching pickup is followed back from a dropoff).
 */
import { describe, expect, it } from 'vitest';
import { createBakeryStore } from '../../test/bakery/bakery-store';
import { replayLedger } from '../ledger/replay-ledger';
import { readEconomicEvent } from '../parse/parse-economic-event';
import { type FlowItem, nextProcesses, previousProcesses, trace, track } from './track-trace';

const resource = (id: string): FlowItem => ({ kind: 'EconomicResource', id });
const event = (id: string): FlowItem => ({ kind: 'EconomicEvent', id });
const process = (id: string): FlowItem => ({ kind: 'Process', id });

describe('track and trace on the bakery ledger', () => {
  const { ledger } = createBakeryStore();

  it('traces bread back through baking to the flour, the oven and the work', () => {
    expect(trace(ledger, resource('bread'))).toEqual([
      resource('bread'),
      event('bake-bread'),
      process('process-bake'),
      event('consume-flour'),
      resource('bakery-flour'),
      event('deliver-flour'),
      resource('flour'),
      event('raise-flour'),
      event('use-oven'),
      resource('oven'),
      event('knead'),
    ]);
  });

  it('tracks flour forward to its payment, the bread, its sale and the basket it was packed in', () => {
    expect(track(ledger, resource('flour'))).toEqual([
      resource('flour'),
      event('deliver-flour'),
      event('pay-flour'),
      resource('mill-coins'),
      resource('bakery-flour'),
      event('consume-flour'),
      process('process-bake'),
      event('bake-bread'),
      resource('bread'),
      event('sell-bread'),
      process('process-sell'),
      event('pack-bread'),
      resource('basket'),
      event('lend-basket'),
    ]);
  });

  it('leaves out a corrected event and its correction', () => {
    const items = [...trace(ledger, resource('bread')), ...track(ledger, resource('bread'))].map((i) => i.id);
    expect(items).not.toContain('lower-bread-wrong');
    expect(items).not.toContain('lower-bread-corrected');
  });

  it('traces a payment back to what it paid for and to the coins it came from', () => {
    expect(trace(ledger, resource('mill-coins'))).toEqual([
      resource('mill-coins'),
      event('pay-flour'),
      event('deliver-flour'),
      resource('flour'),
      event('raise-flour'),
      resource('coins'),
      event('raise-coins'),
    ]);
  });

  it('takes a resource as it was when an event used it: later inflows are not its past', () => {
    // Bakery flour consumed at step 7 has only the delivery before it in its past.
    expect(trace(ledger, event('consume-flour'))).toEqual([
      event('consume-flour'),
      resource('bakery-flour'),
      event('deliver-flour'),
      resource('flour'),
      event('raise-flour'),
    ]);
  });

  it('finds the processes one step away', () => {
    expect(nextProcesses(ledger, 'process-bake')).toEqual(['process-sell']);
    expect(previousProcesses(ledger, 'process-sell')).toEqual(['process-bake']);
    expect(previousProcesses(ledger, 'process-bake')).toEqual([]);
  });

  it('an unknown item has nothing before or after it', () => {
    expect(trace(ledger, resource('nothing'))).toEqual([resource('nothing')]);
    expect(track(ledger, event('nothing'))).toEqual([event('nothing')]);
  });
});

describe('a transport carrying two resources', () => {
  const carry = (id: string, action: string, what: string, side: 'inputOf' | 'outputOf') => ({
    id,
    action,
    provider: 'group-farm',
    receiver: 'group-farm',
    resourceInventoriedAs: what,
    resourceQuantity: { hasNumericalValue: 1, hasUnit: 'one' },
    [side]: 'process-cart',
  });
  const raise = (id: string, what: string) => ({
    id,
    action: 'raise',
    provider: 'group-farm',
    receiver: 'group-farm',
    resourceQuantity: { hasNumericalValue: 1, hasUnit: 'one' },
    newInventoriedResource: { id: what },
  });
  const { state: ledger, rejections } = replayLedger(
    [
      raise('raise-apples', 'apples'),
      raise('raise-pears', 'pears'),
      carry('pickup-apples', 'pickup', 'apples', 'inputOf'),
      carry('pickup-pears', 'pickup', 'pears', 'inputOf'),
      carry('dropoff-apples', 'dropoff', 'apples', 'outputOf'),
      carry('dropoff-pears', 'dropoff', 'pears', 'outputOf'),
    ].map((e) => readEconomicEvent(e)),
  );

  it('is a valid log', () => {
    expect(rejections).toEqual([]);
  });

  it('traces the apples back through their own pickup only', () => {
    expect(trace(ledger, resource('apples'))).toEqual([
      resource('apples'),
      event('dropoff-apples'),
      process('process-cart'),
      event('pickup-apples'),
      event('raise-apples'),
    ]);
  });

  it('tracks the pears from their pickup to their own dropoff only', () => {
    expect(track(ledger, event('pickup-pears'))).toEqual([
      event('pickup-pears'),
      process('process-cart'),
      event('dropoff-pears'),
      resource('pears'),
    ]);
  });

  it('from the transport itself, follows every load', () => {
    expect(trace(ledger, process('process-cart'))).toEqual([
      process('process-cart'),
      event('pickup-pears'),
      resource('pears'),
      event('raise-pears'),
      event('pickup-apples'),
      resource('apples'),
      event('raise-apples'),
    ]);
  });
});
