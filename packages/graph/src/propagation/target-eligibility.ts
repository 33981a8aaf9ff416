/**
 * @module
 * Who may receive an announcement: a group other than the source, that does not block the
 * source and accepts the announcement's kind, and that meets every limit given in the options
 * (radius, hops, similarity), whichever mode ranks the targets.
 */
import type { ReadableGraph } from '../model/attributes';
import { isGroupAttributes, receives } from '../model/read-attributes';
import { haversineKm } from '../proximity/haversine';
import { relationHops } from '../proximity/relation-hops';
import { resolveLocation } from '../proximity/resolve-location';
import { jaccard, themesOf, widenThemes } from '../proximity/theme-set';
import type { ResolvedPropagateOptions } from './propagate-options';

/** The theme set used for similarity: the group's themes, widened by `themeDepth` broader steps. */
export function comparableThemes(graph: ReadableGraph, group: string, themeDepth: number): Set<string> {
  const themes = themesOf(graph, group);
  return themeDepth > 0 ? widenThemes(graph, themes, themeDepth, 'broader') : themes;
}

/**
 * Build the eligibility test for targets of `from`. The limit that the ranking mode itself
 * enforces is skipped here (geo checks its radius, relation its hops, theme its similarity).
 */
export function targetEligibility(
  graph: ReadableGraph,
  from: string,
  options: ResolvedPropagateOptions,
): (key: string) => boolean {
  const { by, kind } = options;
  const checks: ((key: string) => boolean)[] = [];
  if (options.radiusKm !== undefined && by !== 'geo' && by !== 'composite') {
    const radius = options.radiusKm;
    const origin = resolveLocation(graph, from);
    checks.push((key) => {
      const location = origin && resolveLocation(graph, key);
      return location !== undefined && haversineKm(origin!, location) <= radius;
    });
  }
  if (options.maxHops !== undefined && by !== 'relation' && by !== 'composite') {
    const hops = relationHops(graph, from, options.maxHops);
    checks.push((key) => hops.has(key));
  }
  if (options.minSimilarity !== undefined && by !== 'theme' && by !== 'composite') {
    const min = options.minSimilarity;
    const sourceThemes = comparableThemes(graph, from, options.themeDepth);
    checks.push(
      (key) => jaccard(sourceThemes, comparableThemes(graph, key, options.themeDepth)).similarity >= min,
    );
  }
  return (key) => {
    if (key === from || !graph.hasNode(key)) return false;
    const attributes = graph.getNodeAttributes(key);
    if (!isGroupAttributes(attributes) || !receives(attributes, from, kind)) return false;
    return checks.every((check) => check(key));
  };
}
