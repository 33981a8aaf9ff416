/**
 * Arithmetic on `vf:Measure`s: same-unit arithmetic, and conversion between units only where
 * OM2 defines the factor (both units reach the same root unit through their definitions).
 *
 * @module
 */
import { IncompatibleUnitsError } from '../errors/incompatible-units-error';
import type { Measure } from '../model/measure';
import { getUnit, normalizeUnitId } from './om2-units';

/**
 * The factor that turns a value in `from` into a value in `to`, if OM2 defines one.
 *
 * @param from - unit identifier
 * @param to - unit identifier
 * @returns the factor (1 for the same unit), or undefined when the units are incompatible
 * @example
 * ```ts
 * conversionFactor('kilogram', 'gram'); // 1000
 * conversionFactor('kilogram', 'litre'); // undefined
 * ```
 */
export function conversionFactor(from: string, to: string): number | undefined {
  if (from === to) return 1;
  const a = normalizeUnitId(from);
  const b = normalizeUnitId(to);
  if (a === b) return 1;
  const ua = getUnit(a);
  const ub = getUnit(b);
  if (ua?.root === undefined || ub?.root === undefined || ua.root !== ub.root) return undefined;
  return ua.factor! / ub.factor!;
}

/**
 * Whether measures in the two units can be added or compared.
 *
 * @param a - unit identifier
 * @param b - unit identifier
 * @returns true when they are the same unit or OM2 converts one into the other
 */
export function areUnitsCompatible(a: string, b: string): boolean {
  return conversionFactor(a, b) !== undefined;
}

/**
 * Expresses a measure in another unit.
 *
 * @param measure - the measure
 * @param unit - the target unit
 * @returns an equal measure in `unit`
 * @throws {@link IncompatibleUnitsError} when OM2 defines no conversion
 * @example
 * ```ts
 * convertMeasure({ hasNumericalValue: 1.5, hasUnit: 'kilogram' }, 'gram'); // 1500 gram
 * ```
 */
export function convertMeasure(measure: Measure, unit: string): Measure {
  const target = normalizeUnitId(unit);
  const factor = conversionFactor(measure.hasUnit, target);
  if (factor === undefined) throw new IncompatibleUnitsError(target, normalizeUnitId(measure.hasUnit));
  if (factor === 1) return { hasNumericalValue: measure.hasNumericalValue, hasUnit: target };
  return { hasNumericalValue: roundFloat(measure.hasNumericalValue * factor), hasUnit: target };
}

/**
 * Adds two measures; the result is in the unit of `a`.
 *
 * @throws {@link IncompatibleUnitsError} when the units are incompatible
 */
export function addMeasures(a: Measure, b: Measure): Measure {
  const bb = convertMeasure(b, a.hasUnit);
  return { hasNumericalValue: roundFloat(a.hasNumericalValue + bb.hasNumericalValue), hasUnit: a.hasUnit };
}

/**
 * Subtracts `b` from `a`; the result is in the unit of `a`.
 *
 * @throws {@link IncompatibleUnitsError} when the units are incompatible
 */
export function subtractMeasures(a: Measure, b: Measure): Measure {
  const bb = convertMeasure(b, a.hasUnit);
  return { hasNumericalValue: roundFloat(a.hasNumericalValue - bb.hasNumericalValue), hasUnit: a.hasUnit };
}

/**
 * Multiplies a measure by a plain number (e.g. a unit-based price by a quantity).
 *
 * @param a - the measure
 * @param k - the factor
 * @returns the scaled measure, same unit
 */
export function scaleMeasure(a: Measure, k: number): Measure {
  return { hasNumericalValue: roundFloat(a.hasNumericalValue * k), hasUnit: a.hasUnit };
}

/**
 * Compares two measures.
 *
 * @returns negative when a < b, 0 when equal, positive when a > b
 * @throws {@link IncompatibleUnitsError} when the units are incompatible
 */
export function compareMeasures(a: Measure, b: Measure): number {
  const bb = convertMeasure(b, a.hasUnit);
  return a.hasNumericalValue - bb.hasNumericalValue;
}

/**
 * Rounds away binary floating-point noise (to 12 significant digits), so that e.g.
 * 0.1 + 0.2 counts as 0.3 and a stock taken down to zero is exactly zero.
 */
function roundFloat(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(12));
}
