import { GraphError } from './graph-error';

/**
 * A manual feed definition is invalid. {@link InvalidFeedError.path} names the offending field.
 *
 * Stable code: `INVALID_FEED`.
 */
export class InvalidFeedError extends GraphError {
  static readonly code = 'INVALID_FEED';
  /** Where in the definition the problem is, e.g. `sources[1].radiusKm`. */
  readonly path: string;

  constructor(message: string, path: string, options?: { cause?: unknown }) {
    super('INVALID_FEED', message, options);
    this.name = 'InvalidFeedError';
    this.path = path;
  }
}
