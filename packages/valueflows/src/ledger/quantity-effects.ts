/**
 * What an event does to the quantities of its resources (`vf:accountingEffect`,
 * `vf:onhandEffect`), in the units of each resource.
 *
 * @module
 */
import type { ActionDefinition } from '../actions/action-definition';
import { InvalidEventError } from '../errors/invalid-event-error';
import { UnitMismatchError } from '../errors/unit-mismatch-error';
import { conversionFactor } from '../measures/measure-arithmetic';
import type { EconomicEvent } from '../model/economic-event';
import type { Measure } from '../model/measure';
import type { EventResources } from './event-resources';
import { type Draft, round } from './resource-draft';

const QUANTITY_EFFECTS = [
  ['accountingQuantity', 'accountingEffect'],
  ['onhandQuantity', 'onhandEffect'],
] as const;

/** Whether an event quantity is absent, or finite and not negative. */
export function isValidQuantity(q: Measure | undefined): boolean {
  return q === undefined || (q.hasNumericalValue >= 0 && Number.isFinite(q.hasNumericalValue));
}

function quantityEffectOn(effect: string, side: 'from' | 'to'): -1 | 0 | 1 {
  switch (effect) {
    case 'decrement':
      return side === 'from' ? -1 : 0;
    case 'increment':
      return side === 'from' ? 1 : 0;
    case 'incrementTo':
      return side === 'to' ? 1 : 0;
    case 'decrementIncrement':
      return side === 'from' ? -1 : 1;
    default:
      return 0;
  }
}

/**
 * Adds the event's quantity to its resources, or takes it from them, in the draft; then checks
 * that no quantity it decreased went below zero.
 *
 * @throws a {@link LedgerRejectionError} subclass for a missing quantity, a unit that does not
 *   convert, part of a resource moved without a to-resource, or a quantity below zero
 */
export function applyQuantities(
  event: EconomicEvent,
  action: ActionDefinition,
  { from, to }: EventResources,
  draft: Draft,
): void {
  const id = event.id;
  const amount = event.resourceQuantity;
  for (const [quantity, effectKey] of QUANTITY_EFFECTS) {
    const effect = action[effectKey];
    if (effect === 'notApplicable') continue;
    const fromSign = from === undefined ? 0 : quantityEffectOn(effect, 'from');
    const toSign = to === undefined ? 0 : quantityEffectOn(effect, 'to');
    if (fromSign === 0 && toSign === 0) continue;
    if (amount === undefined) {
      throw new InvalidEventError(id, 'missing-resource-quantity', `${action.id} needs a resourceQuantity`);
    }
    if (from !== undefined && from === to && fromSign !== 0 && toSign !== 0) {
      const whole = from[quantity];
      const factor = conversionFactor(amount.hasUnit, whole.hasUnit);
      if (factor === undefined) throw new UnitMismatchError(id, from.id, whole.hasUnit, amount.hasUnit);
      if (round(amount.hasNumericalValue * factor) !== whole.hasNumericalValue) {
        throw new InvalidEventError(
          id,
          'partial-transfer-needs-to-resource',
          'moving part of a resource needs a toResourceInventoriedAs',
        );
      }
    }
    if (fromSign !== 0) draft.add(id, from!, quantity, amount, fromSign);
    if (toSign !== 0) draft.add(id, to!, quantity, amount, toSign);
  }
  draft.checkNonNegative(id);
}
