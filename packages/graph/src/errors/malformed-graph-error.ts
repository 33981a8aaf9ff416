import { GraphError } from './graph-error';

/**
 * A serialised graph (graphology's JSON format) is not valid: not JSON, not graph-shaped, or an attribute breaks the Imago graph contract. {@link MalformedGraphError.path} names the offending place, e.g. `edges[3].attributes.status`.
 *
 * Stable code: `MALFORMED_GRAPH`.
 */
export class MalformedGraphError extends GraphError {
  static readonly code = 'MALFORMED_GRAPH';
  /** Where in the input the problem is, e.g. `nodes[2].attributes.lat`; `$` for the whole input. */
  readonly path: string;

  constructor(message: string, path: string, options?: { cause?: unknown }) {
    super('MALFORMED_GRAPH', message, options);
    this.name = 'MalformedGraphError';
    this.path = path;
  }
}
