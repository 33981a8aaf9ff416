/**
 * @module
 * The announcing node must exist in the graph.
 */
import { NodeNotFoundError } from '../errors/node-not-found-error';
import type { ReadableGraph } from '../model/attributes';

/**
 * Check that `from` is a node of `graph` and return its key as a string.
 *
 * @throws {NodeNotFoundError} when it is not.
 */
export function sourceNode(graph: ReadableGraph, from: string): string {
  const key = String(from);
  if (!graph.hasNode(key)) throw new NodeNotFoundError(`unknown node ${JSON.stringify(key)}`, key);
  return key;
}
