/**
 * @module
 * The exact top-k search over theme posting lists ({@link ThemePostings}).
 *
 * The Jaccard similarity of a source set S and a group's set T is c / (|S| + |T| − c) with
 * c = |S ∩ T|, and c ≤ min(|S|, |T|), so a group of set size t can reach at most
 * min(|S|, t) / max(|S|, t) — the size bound of set-similarity joins. The search visits size
 * classes by decreasing bound, counts c for the groups of each class in the source themes'
 * posting lists (so the similarity is exact, without building T), and stops when the bound
 * falls below the k-th best similarity found (strictly: a group tying with the k-th can still
 * enter by key). Size classes past that point are never read.
 */
import type { PropagationTarget } from '../propagation/propagation-target';
import type { ThemePostings } from './theme-postings';

/** First position in `sizes[from..to)` (sorted) whose value is ≥ `size`. */
function lowerBound(sizes: Uint32Array, from: number, to: number, size: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sizes[mid]! < size) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Merge two rankings (similarity descending, then id ascending) into one of at most `k`
 * entries.
 */
function merge(
  ids: number[],
  similarities: number[],
  otherIds: number[],
  otherSimilarities: number[],
  k: number,
): [number[], number[]] {
  const mergedIds: number[] = [];
  const mergedSimilarities: number[] = [];
  let i = 0;
  let j = 0;
  while (mergedIds.length < k && (i < ids.length || j < otherIds.length)) {
    const takeFirst =
      j >= otherIds.length ||
      (i < ids.length &&
        (similarities[i]! > otherSimilarities[j]! ||
          (similarities[i] === otherSimilarities[j] && ids[i]! < otherIds[j]!)));
    if (takeFirst) {
      mergedIds.push(ids[i]!);
      mergedSimilarities.push(similarities[i++]!);
    } else {
      mergedIds.push(otherIds[j]!);
      mergedSimilarities.push(otherSimilarities[j++]!);
    }
  }
  return [mergedIds, mergedSimilarities];
}

/**
 * The `k` groups whose comparable theme sets (at the postings' depth) are most similar to
 * `sourceThemes`, highest Jaccard similarity first, ties by key; only similarities > 0 and
 * ≥ `minSimilarity`, only groups that `accept` takes. Targets carry `score` and `similarity`,
 * not `sharedThemes`.
 *
 * @param postings - The posting lists of one depth (their scratch counters are left at zero).
 * @param sourceThemes - The source's comparable themes at that depth.
 * @param k - How many targets at most (`Infinity` for all).
 * @param minSimilarity - Smallest similarity kept.
 * @param accept - Whether a group may be a target.
 */
export function closestInPostings(
  postings: ThemePostings,
  sourceThemes: ReadonlySet<string>,
  k: number,
  minSimilarity: number,
  accept: (key: string) => boolean,
): PropagationTarget[] {
  const s = sourceThemes.size;
  if (s === 0 || k <= 0) return [];
  const { groups, themeIds, start, members, memberSizes, maxSize, counts } = postings;
  const lists: number[] = [];
  for (const theme of sourceThemes) {
    const id = themeIds.get(theme);
    if (id !== undefined) lists.push(id);
  }
  // The best so far, by similarity descending then id (= key) ascending, at most k.
  let foundIds: number[] = [];
  let foundSimilarities: number[] = [];
  const touched: number[] = [];
  const byShared: number[][] = Array.from({ length: s + 1 }, () => []);
  // Size classes by decreasing bound: t = s, then t < s (bound t/s) and t > s (bound s/t)
  // merged, whichever bound is larger first.
  let below = Math.min(s, maxSize);
  let above = s + 1;
  while (below >= 1 || above <= maxSize) {
    let t: number;
    if (above > maxSize || (below >= 1 && below * above >= s * s)) t = below--;
    else t = above++;
    const full = foundIds.length >= k;
    const kthSimilarity = full ? foundSimilarities[k - 1]! : 0;
    const kthId = full ? foundIds[k - 1]! : 0;
    const bound = Math.min(s, t) / Math.max(s, t);
    if (bound < minSimilarity || (full && bound < kthSimilarity)) break;
    for (const theme of lists) {
      const end = lowerBound(memberSizes, start[theme]!, start[theme + 1]!, t + 1);
      for (let i = lowerBound(memberSizes, start[theme]!, end, t); i < end; i++) {
        const group = members[i]!;
        const count = counts[group]!;
        if (count === 0) touched.push(group);
        counts[group] = count + 1;
      }
    }
    for (const group of touched) {
      byShared[counts[group]!]!.push(group);
      counts[group] = 0;
    }
    touched.length = 0;
    // Within a class the similarity c / (s + t − c) grows with the shared count c: visit
    // counts downwards and, at equal count, ids upwards; the first k acceptable groups are
    // the class's best, and no other group of the class can enter the top k.
    const enteringIds: number[] = [];
    const enteringSimilarities: number[] = [];
    let closed = false;
    for (let c = Math.min(s, t); c >= 1; c--) {
      const bucket = byShared[c]!;
      if (closed || bucket.length === 0) {
        bucket.length = 0;
        continue;
      }
      const similarity = c / (s + t - c);
      if (similarity < minSimilarity || (full && similarity < kthSimilarity)) {
        closed = true;
        bucket.length = 0;
        continue;
      }
      bucket.sort((a, b) => a - b);
      for (const id of bucket) {
        if (enteringIds.length >= k || (full && similarity === kthSimilarity && id > kthId)) {
          closed = true;
          break;
        }
        if (!accept(groups[id]!)) continue;
        enteringIds.push(id);
        enteringSimilarities.push(similarity);
      }
      bucket.length = 0;
    }
    if (enteringIds.length > 0) {
      [foundIds, foundSimilarities] = merge(
        foundIds,
        foundSimilarities,
        enteringIds,
        enteringSimilarities,
        k,
      );
    }
  }
  return foundIds.map((id, i) => ({
    key: groups[id]!,
    score: foundSimilarities[i]!,
    similarity: foundSimilarities[i]!,
  }));
}
