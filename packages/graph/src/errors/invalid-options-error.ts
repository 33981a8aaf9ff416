import { GraphError } from './graph-error';

/**
 * Options given to a function or to the command line are invalid (negative `k`, unknown mode, bad weights…). {@link InvalidOptionsError.option} names the option.
 *
 * Stable code: `INVALID_OPTIONS`.
 */
export class InvalidOptionsError extends GraphError {
  static readonly code = 'INVALID_OPTIONS';
  /** The option at fault, e.g. `k` or `weights.geo`. */
  readonly option: string;

  constructor(message: string, option: string, options?: { cause?: unknown }) {
    super('INVALID_OPTIONS', message, options);
    this.name = 'InvalidOptionsError';
    this.option = option;
  }
}
