import { LedgerRejectionError } from './ledger-rejection-error';

/** Applying the event would leave a resource's onhand or accounting quantity below zero. Code `VF_NEGATIVE_QUANTITY`. */
export class NegativeQuantityError extends LedgerRejectionError {
  /** The resource identifier. */
  readonly resourceId: string;
  /** Which quantity would go negative. */
  readonly quantity: 'accountingQuantity' | 'onhandQuantity';
  constructor(eventId: string, resourceId: string, quantity: 'accountingQuantity' | 'onhandQuantity') {
    super('VF_NEGATIVE_QUANTITY', eventId, `${quantity} of ${resourceId} would become negative`);
    this.name = 'NegativeQuantityError';
    this.resourceId = resourceId;
    this.quantity = quantity;
  }
}
