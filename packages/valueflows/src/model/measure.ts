/**
 * `vf:Measure` — a quantity with a unit (ValueFlows 1.0, a subclass of `om2:Measure`).
 *
 * @module
 */

/**
 * A numeric value with a unit. `hasUnit` is an OM2 unit identifier: its local name, such as
 * `kilogram`, `one` or `hour` (full OM2 IRIs are accepted by the parsers and shortened).
 */
export interface Measure {
  readonly hasNumericalValue: number;
  readonly hasUnit: string;
}
