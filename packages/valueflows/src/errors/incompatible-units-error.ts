import { ValueflowsError } from './valueflows-error';

/** Two measures cannot be combined: their units differ and OM2 defines no conversion between them. Code `VF_INCOMPATIBLE_UNITS`. */
export class IncompatibleUnitsError extends ValueflowsError {
  /** The unit expected. */
  readonly expected: string;
  /** The unit given. */
  readonly actual: string;
  constructor(expected: string, actual: string) {
    super('VF_INCOMPATIBLE_UNITS', `unit ${actual} cannot be converted to ${expected}`);
    this.name = 'IncompatibleUnitsError';
    this.expected = expected;
    this.actual = actual;
  }
}
