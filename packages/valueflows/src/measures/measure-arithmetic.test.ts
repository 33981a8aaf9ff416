import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMeasures,
  areUnitsCompatible,
  compareMeasures,
  conversionFactor,
  convertMeasure,
  subtractMeasures,
} from './measure-arithmetic';
import { getUnit, normalizeUnitId } from './om2-units';

const m = (hasNumericalValue: number, hasUnit: string) => ({ hasNumericalValue, hasUnit });

describe('measures with OM2 units', () => {
  it('adds and subtracts in the same unit', () => {
    expect(addMeasures(m(2, 'kilogram'), m(3, 'kilogram'))).toEqual(m(5, 'kilogram'));
    expect(subtractMeasures(m(0.3, 'litre'), m(0.1, 'litre'))).toEqual(m(0.2, 'litre'));
    expect(addMeasures(m(2, 'bag'), m(1, 'bag'))).toEqual(m(3, 'bag'));
  });

  it('converts where OM2 defines the factor (values from the SI and OM2 definitions)', () => {
    expect(convertMeasure(m(1.5, 'kilogram'), 'gram')).toEqual(m(1500, 'gram'));
    expect(convertMeasure(m(2, 'tonne'), 'kilogram')).toEqual(m(2000, 'kilogram'));
    expect(convertMeasure(m(90, 'minute-Time'), 'hour')).toEqual(m(1.5, 'hour'));
    expect(convertMeasure(m(1, 'day'), 'second-Time')).toEqual(m(86400, 'second-Time'));
    expect(convertMeasure(m(250, 'millilitre'), 'litre')).toEqual(m(0.25, 'litre'));
    expect(convertMeasure(m(1, 'hectare'), 'squareMetre')).toEqual(m(10000, 'squareMetre'));
    expect(convertMeasure(m(3, 'kilometre'), 'metre')).toEqual(m(3000, 'metre'));
    expect(addMeasures(m(1, 'kilogram'), m(250, 'gram'))).toEqual(m(1.25, 'kilogram'));
    expect(compareMeasures(m(1, 'litre'), m(999, 'millilitre'))).toBeGreaterThan(0);
  });

  it('refuses incompatible units with a typed error', () => {
    expect(areUnitsCompatible('kilogram', 'litre')).toBe(false);
    expect(conversionFactor('piece', 'one')).toBeUndefined();
    expect(() => addMeasures(m(1, 'kilogram'), m(1, 'litre'))).toThrow(
      expect.objectContaining({ code: 'VF_INCOMPATIBLE_UNITS', expected: 'kilogram', actual: 'litre' }),
    );
    expect(() => addMeasures(m(1, 'bag'), m(1, 'box'))).toThrow(
      expect.objectContaining({ code: 'VF_INCOMPATIBLE_UNITS' }),
    );
  });

  it('does not convert temperatures (interval scales, offsets not in the list)', () => {
    expect(areUnitsCompatible('degreeCelsius', 'kelvin')).toBe(false);
  });

  it('reads OM2 IRIs and CURIEs', () => {
    expect(normalizeUnitId('http://www.ontology-of-units-of-measure.org/resource/om-2/kilogram')).toBe(
      'kilogram',
    );
    expect(normalizeUnitId('om2:hour')).toBe('hour');
    expect(getUnit('om2:kilogram')?.symbol).toBe('kg');
  });

  it('conversion there and back is the identity (to 12 digits)', () => {
    const family = ['gram', 'kilogram', 'tonne', 'milligram', 'pound-Avoirdupois'].filter(
      (u) => getUnit(u)?.root,
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...family),
        fc.constantFrom(...family),
        fc.integer({ min: 0, max: 1e6 }),
        (a, b, n) => {
          const back = convertMeasure(convertMeasure(m(n, a), b), a);
          expect(back.hasNumericalValue).toBeCloseTo(n, 6);
        },
      ),
      { numRuns: 100 },
    );
  });
});
