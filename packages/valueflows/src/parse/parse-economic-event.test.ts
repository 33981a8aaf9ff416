import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValueflowsError } from '../errors/valueflows-error';
import { readEconomicEvent, readEventLog } from './parse-economic-event';

const base = { id: 'e1', action: 'transfer', provider: 'a', receiver: 'b' };

function pathOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (ValueflowsError.isInstance(error) && error.code === 'VF_PARSE')
      return (error as { path?: string }).path;
    throw error;
  }
  return undefined;
}

describe('readEconomicEvent', () => {
  it('reads the ValueFlows JSON form, with references as ids or embedded objects', () => {
    const e = readEconomicEvent({
      ...base,
      action: 'transfer-custody',
      provider: { id: 'a', name: 'A' },
      resourceInventoriedAs: 'r1',
      resourceQuantity: { hasNumericalValue: '2.5', hasUnit: 'om2:kilogram' },
      resourceClassifiedAs: 'wd:Q11002',
      toLocation: { lat: 1, long: 2 },
      hasPointInTime: '2026-11-26T10:00:00Z',
      fulfills: ['c1'],
    });
    expect(e).toEqual({
      id: 'e1',
      action: 'transferCustody',
      provider: 'a',
      receiver: 'b',
      resourceInventoriedAs: 'r1',
      resourceQuantity: { hasNumericalValue: 2.5, hasUnit: 'kilogram' },
      resourceClassifiedAs: ['wd:Q11002'],
      toLocation: { lat: 1, long: 2 },
      hasPointInTime: '2026-11-26T10:00:00Z',
      fulfills: ['c1'],
    });
  });

  it('names the path of what is wrong', () => {
    expect(pathOf(() => readEconomicEvent({ ...base, action: 'steal' }))).toBe('action');
    expect(pathOf(() => readEconomicEvent({ ...base, id: 3 }))).toBe('id');
    expect(
      pathOf(() =>
        readEconomicEvent({ ...base, resourceQuantity: { hasNumericalValue: 'x', hasUnit: 'one' } }),
      ),
    ).toBe('resourceQuantity.hasNumericalValue');
    expect(
      pathOf(() =>
        readEconomicEvent({ ...base, resourceQuantity: { hasNumericalValue: -1, hasUnit: 'one' } }),
      ),
    ).toBe('resourceQuantity.hasNumericalValue');
    expect(pathOf(() => readEconomicEvent({ ...base, fulfills: ['c1', 2] }))).toBe('fulfills[1]');
    expect(pathOf(() => readEconomicEvent({ ...base, toLocation: { lat: 95 } }))).toBe('toLocation.lat');
    expect(pathOf(() => readEconomicEvent({ ...base, hasPointInTime: 'yesterday' }))).toBe('hasPointInTime');
    expect(pathOf(() => readEconomicEvent({ ...base, newInventoriedResource: {} }))).toBe(
      'newInventoriedResource.id',
    );
    expect(pathOf(() => readEconomicEvent([]))).toBe('');
  });

  it('reads JSON lines, naming the line', () => {
    expect(
      readEventLog(`${JSON.stringify(base)}\n\n# comment\n${JSON.stringify({ ...base, id: 'e2' })}\n`),
    ).toHaveLength(2);
    expect(pathOf(() => readEventLog(`${JSON.stringify(base)}\n{oops`))).toBe('line 2');
    expect(pathOf(() => readEventLog(`${JSON.stringify({ ...base, receiver: 1 })}`))).toBe('line 1.receiver');
  });

  it('never throws anything but a VF_PARSE error on arbitrary JSON', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.dictionary(
          fc.constantFrom(
            'id',
            'action',
            'provider',
            'receiver',
            'resourceQuantity',
            'toLocation',
            'newInventoriedResource',
            'fulfills',
          ),
          fc.jsonValue(),
        ),
        (v, patch) => {
          for (const input of [v, { ...base, ...patch }]) {
            try {
              readEconomicEvent(input);
            } catch (error) {
              expect(ValueflowsError.isInstance(error) && error.code).toBe('VF_PARSE');
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
