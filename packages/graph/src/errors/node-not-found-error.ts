import { GraphError } from './graph-error';

/**
 * A node key given to a function (the announcing group, a group in an event…) is not in the graph.
 *
 * Stable code: `NODE_NOT_FOUND`.
 */
export class NodeNotFoundError extends GraphError {
  static readonly code = 'NODE_NOT_FOUND';
  /** The key that was looked for. */
  readonly key: string;

  constructor(message: string, key: string, options?: { cause?: unknown }) {
    super('NODE_NOT_FOUND', message, options);
    this.name = 'NodeNotFoundError';
    this.key = key;
  }
}
