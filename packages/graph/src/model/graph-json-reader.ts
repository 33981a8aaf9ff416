/**
 * @module
 * The JSON reader of `@imago/graph`: the project's one reader (`@imago/kit/json-reader`, compiled
 * into this package) bound to graph's limits and to the error of each boundary (graph event,
 * feed definition, serialised graph, Wikidata entity).
 */
import { createJsonReader, type JsonReader } from '@imago/kit/json-reader';
import type { GraphError } from '../errors/graph-error';

/**
 * Graph's bounds on untrusted input: a string (a key, a name, a theme) of at most 64 Ki code
 * units, a list of at most 100 000 items. A serialised graph's `nodes` and `edges` are not lists
 * of this kind: their size is the graph's.
 */
export const GRAPH_JSON_LIMITS = { stringLength: 65_536, items: 100_000 } as const;

/**
 * The reader of one boundary, throwing its error.
 *
 * @param error - makes the boundary's error from a message and the path it names.
 * @returns the bound `read*` functions.
 */
export function graphJsonReader(error: (message: string, path: string) => GraphError): JsonReader {
  return createJsonReader({
    limits: GRAPH_JSON_LIMITS,
    reject: ({ path, detail }) => error(`${path}: ${detail}`, path),
  });
}
