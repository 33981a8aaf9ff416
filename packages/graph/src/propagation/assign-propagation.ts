/**
 * @module
 * The `.assign` variant of {@link propagate}: write each target's score back onto its node,
 * e.g. to colour a map or a graph drawing by proximity.
 */
import type { GraphLike } from '../model/attributes';
import { propagate } from './propagate';
import type { PropagateOptions } from './propagate-options';
import type { PropagationTarget } from './propagation-target';

/**
 * Run {@link propagate} and set `attribute` (default `proximity`) to the score on every target
 * node. Other nodes are left untouched.
 *
 * @param graph - Any graphology graph following the Imago attribute contract.
 * @param from - Key of the announcing node.
 * @param options - As for {@link propagate}, plus `attribute`.
 * @returns The targets, best first.
 * @throws {NodeNotFoundError} if `from` is not in the graph.
 * @throws {InvalidOptionsError} on bad options.
 * @example
 * assignPropagation(graph, 'paris-food-bank', { by: 'geo', attribute: 'distanceFromFoodBank' });
 */
export function assignPropagation(
  graph: GraphLike,
  from: string,
  options: PropagateOptions & { attribute?: string } = {},
): PropagationTarget[] {
  const { attribute = 'proximity', ...rest } = options;
  const targets = propagate(graph, from, rest);
  for (const target of targets) graph.setNodeAttribute(target.key, attribute, target.score);
  return targets;
}
