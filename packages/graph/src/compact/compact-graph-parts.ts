/**
 * @module
 * The arrays a `CompactGraph` is made of: node keys and attributes, edges as columns of
 * typed arrays (source, target, flags, attribute id), equal edge attribute objects stored once.
 * The JSON parser and the snapshot reader build them; the snapshot writer and the export read
 * them.
 */
import type { EdgeAttributes, NodeAttributes } from '../model/attributes';

/** Edge flag: the edge is undirected. */
export const UNDIRECTED_FLAG = 1;
/** Edge flag: the edge has an explicit key (the next one of `edgeKeys`). */
export const KEYED_FLAG = 2;

/**
 * The parts a `CompactGraph` is made of. Built by `readCompactGraph` and
 * `readGraphSnapshot`, which check them; the constructor trusts them.
 *
 * @internal
 */
export interface CompactGraphParts {
  /** The graph's own attributes. */
  attributes: Record<string, unknown>;
  /** Node keys, by node index. */
  nodeKeys: string[];
  /** Node attributes, by node index. */
  nodeAttributes: NodeAttributes[];
  /** Node key → index, when the builder has it already. */
  nodeIndex?: Map<string, number>;
  /** Source node index of each edge. */
  edgeSource: Uint32Array;
  /** Target node index of each edge. */
  edgeTarget: Uint32Array;
  /** {@link UNDIRECTED_FLAG} and {@link KEYED_FLAG} bits of each edge. */
  edgeFlags: Uint8Array;
  /** Index into `edgeAttributeTable` of each edge. */
  edgeAttributeIds: Uint32Array;
  /** Distinct edge attribute objects. */
  edgeAttributeTable: EdgeAttributes[];
  /** Keys of the keyed edges, in edge order. */
  edgeKeys: string[];
}
