import { ValueflowsError } from './valueflows-error';

/** Untrusted input does not have the expected shape; `path` names where (e.g. `publishes[0].resourceQuantity.hasNumericalValue`). Code `VF_PARSE`. */
export class VfParseError extends ValueflowsError {
  /** Where in the input the problem is, as a JSON path. */
  readonly path: string;
  constructor(path: string, message: string) {
    super('VF_PARSE', `${path || '(root)'}: ${message}`);
    this.name = 'VfParseError';
    this.path = path;
  }
}
