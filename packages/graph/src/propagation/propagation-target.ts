/**
 * @module
 * One recipient of an announcement, with its score and why it was chosen.
 */

/**
 * A group chosen by {@link propagate}.
 *
 * `score` depends on the mode: the distance in km for `geo` (lower is closer), the number of
 * hops for `relation` (lower is closer), the Jaccard similarity for `theme` (higher is closer),
 * the weighted combination in [0, 1] for `composite` (higher is closer). Results are always
 * best first, ties broken by key ascending.
 */
export interface PropagationTarget {
  /** Key of the target group. */
  key: string;
  /** Rank value; see above for its meaning in each mode. */
  score: number;
  /** Great-circle distance between the source's and the target's locations, in km. */
  distanceKm?: number;
  /** Fewest hops over accepted group–group relations. */
  hops?: number;
  /** Jaccard similarity of the theme sets. */
  similarity?: number;
  /** Keys of the themes both groups share (sorted). */
  sharedThemes?: string[];
}
