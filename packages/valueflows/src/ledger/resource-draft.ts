/**
 * The copy-on-write view of the resources one event touches, which the planning of an event
 * writes into and the ledger then commits as a whole (or not at all).
 *
 * @module
 */
import { NegativeQuantityError } from '../errors/negative-quantity-error';
import { UnitMismatchError } from '../errors/unit-mismatch-error';
import { conversionFactor } from '../measures/measure-arithmetic';
import type { EconomicResource } from '../model/economic-resource';
import type { Measure } from '../model/measure';
import type { QuantityDelta } from './ledger-state';

export type Writable<T> = { -readonly [K in keyof T]: T[K] };
/** The two quantities of a resource that events change. */
export type Quantity = 'accountingQuantity' | 'onhandQuantity';

/** Copy-on-write view of the resources an event touches. */
export class Draft {
  readonly touched = new Map<string, Writable<EconomicResource>>();
  readonly decremented: [string, Quantity][] = [];
  readonly deltas: QuantityDelta[] = [];

  constructor(private readonly base: ReadonlyMap<string, EconomicResource>) {}

  get(id: string): Writable<EconomicResource> | undefined {
    let r = this.touched.get(id);
    if (r === undefined) {
      const b = this.base.get(id);
      if (b === undefined) return undefined;
      r = copyResource(b);
      this.touched.set(id, r);
    }
    return r;
  }

  create(r: Writable<EconomicResource>): void {
    this.touched.set(r.id, r);
  }

  add(
    eventId: string,
    r: Writable<EconomicResource>,
    quantity: Quantity,
    amount: Measure,
    sign: 1 | -1,
  ): void {
    const current = r[quantity];
    const factor = conversionFactor(amount.hasUnit, current.hasUnit);
    if (factor === undefined) throw new UnitMismatchError(eventId, r.id, current.hasUnit, amount.hasUnit);
    const delta = sign * amount.hasNumericalValue * factor;
    r[quantity] = { hasNumericalValue: round(current.hasNumericalValue + delta), hasUnit: current.hasUnit };
    this.deltas.push({ resourceId: r.id, quantity, delta });
    if (sign < 0) this.decremented.push([r.id, quantity]);
  }

  addRaw(r: Writable<EconomicResource>, quantity: Quantity, delta: number): void {
    const current = r[quantity];
    r[quantity] = { hasNumericalValue: round(current.hasNumericalValue + delta), hasUnit: current.hasUnit };
    this.deltas.push({ resourceId: r.id, quantity, delta });
    if (delta < 0) this.decremented.push([r.id, quantity]);
  }

  checkNonNegative(eventId: string): void {
    for (const [id, quantity] of this.decremented) {
      if (this.touched.get(id)![quantity].hasNumericalValue < 0) {
        throw new NegativeQuantityError(eventId, id, quantity);
      }
    }
  }
}

/**
 * Copies a resource with every field in one fixed order (absent ones undefined), so that all
 * resource objects share one shape: the ledger copies one or two of them per event.
 */
export function copyResource(b: EconomicResource): Writable<EconomicResource> {
  return {
    id: b.id,
    name: b.name,
    note: b.note,
    conformsTo: b.conformsTo,
    classifiedAs: b.classifiedAs,
    trackingIdentifier: b.trackingIdentifier,
    accountingQuantity: b.accountingQuantity,
    onhandQuantity: b.onhandQuantity,
    primaryAccountable: b.primaryAccountable,
    custodian: b.custodian,
    currentLocation: b.currentLocation,
    containedIn: b.containedIn,
    stage: b.stage,
    state: b.state,
    unitOfEffort: b.unitOfEffort,
    image: b.image,
    ofBatchLot: b.ofBatchLot,
  };
}

/** Removes binary floating-point noise so that stock taken down to zero is exactly zero. */
export function round(x: number): number {
  if (Number.isInteger(x)) return x;
  const m = Math.abs(x);
  // Fast path for everyday magnitudes (nine decimals keep at least six significant digits).
  if (m >= 1e-3 && m < 1e6) return Math.round(x * 1e9) / 1e9;
  return Number(x.toPrecision(12));
}
