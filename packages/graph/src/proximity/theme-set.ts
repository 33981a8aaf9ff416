/**
 * @module
 * The themes of a group: the entities it is `interested-in`, optionally widened to broader
 * themes through `subclass-of` (Wikidata P279).
 */
import { INTERESTED_IN, type ReadableGraph, SUBCLASS_OF } from '../model/attributes';
import { isGroupAttributes } from '../model/read-attributes';

/**
 * The entities a group is directly interested in (the other end of its `interested-in` edges,
 * whichever way they were stored; groups are never themes).
 *
 * @param graph - Any graphology graph following the Imago attribute contract.
 * @param group - Key of the group.
 * @returns A new set of entity keys (empty when the group does not exist).
 */
export function themesOf(graph: ReadableGraph, group: string): Set<string> {
  const themes = new Set<string>();
  if (!graph.hasNode(group)) return themes;
  graph.forEachEdge(group, (_edge, attributes, source, target, sourceAttributes, targetAttributes) => {
    if (attributes?.type !== INTERESTED_IN || source === target) return;
    const otherAttributes = source === group ? targetAttributes : sourceAttributes;
    if (!isGroupAttributes(otherAttributes)) themes.add(source === group ? target : source);
  });
  return themes;
}

/**
 * Walk `subclass-of` edges from `themes` up to `depth` steps, upwards (to broader themes) or
 * downwards (to narrower ones), and return every theme met, the starting ones included.
 */
export function widenThemes(
  graph: ReadableGraph,
  themes: Iterable<string>,
  depth: number,
  direction: 'broader' | 'narrower',
): Set<string> {
  const all = new Set<string>(themes);
  let frontier = [...all];
  for (let step = 0; step < depth && frontier.length > 0; step++) {
    const next: string[] = [];
    for (const theme of frontier) {
      const visit = (_edge: string, attributes: Record<string, unknown>, source: string, target: string) => {
        if (attributes?.type !== SUBCLASS_OF || source === target) return;
        const other =
          direction === 'broader'
            ? source === theme
              ? target
              : undefined
            : target === theme
              ? source
              : undefined;
        if (other !== undefined && !all.has(other)) {
          all.add(other);
          next.push(other);
        }
      };
      // Broader themes are at the end of edges leaving the theme; walking only those keeps the
      // theme's many incoming interested-in edges out of the way.
      if (direction === 'broader') graph.forEachOutboundEdge(theme, visit);
      else graph.forEachInboundEdge(theme, visit);
    }
    frontier = next;
  }
  return all;
}

/** Jaccard similarity |a ∩ b| / |a ∪ b| of two sets, with the shared elements. */
export function jaccard(
  a: ReadonlySet<string>,
  b: ReadonlySet<string>,
): { similarity: number; shared: string[] } {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const shared: string[] = [];
  for (const item of small) if (large.has(item)) shared.push(item);
  const union = a.size + b.size - shared.length;
  return { similarity: union === 0 ? 0 : shared.length / union, shared };
}
