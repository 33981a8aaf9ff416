import { GraphError } from './graph-error';

/**
 * A Wikidata entity (entity JSON as served by `wbgetentities` or `Special:EntityData`) is not usable. {@link MalformedEntityError.path} names the offending place.
 *
 * Stable code: `MALFORMED_ENTITY`.
 */
export class MalformedEntityError extends GraphError {
  static readonly code = 'MALFORMED_ENTITY';
  /** Where in the input the problem is, e.g. `entities.Q90.claims.P625[0]`. */
  readonly path: string;

  constructor(message: string, path: string, options?: { cause?: unknown }) {
    super('MALFORMED_ENTITY', message, options);
    this.name = 'MalformedEntityError';
    this.path = path;
  }
}
