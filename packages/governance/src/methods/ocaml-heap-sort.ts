/**
 * @module
 * The in-place sort of OCaml's standard library (`Array.sort`: a heap sort on a ternary heap).
 * It is not stable, so the order it leaves equal elements in is part of belenios-tool's output
 * (the order of tied choices in a majority-judgment group). Reproducing that order exactly
 * needs the same algorithm, step for step.
 */

/**
 * Sorts `items` in place in increasing order of `compare`, leaving equal items in the same order as
 * OCaml's `Array.sort` would.
 *
 * @param items - The array to sort (modified).
 * @param compare - Negative, zero or positive, like OCaml's `compare`.
 */
export function ocamlHeapSort<T>(items: T[], compare: (a: T, b: T) => number): void {
  const a = items;
  const length = a.length;
  // Index of the greatest child of `i` within the first `l` items; -1 when `i` is a leaf.
  const maxChild = (l: number, i: number): number => {
    const first = i + i + i + 1;
    if (first + 2 < l) {
      let x = first;
      if (compare(a[first]!, a[first + 1]!) < 0) x = first + 1;
      if (compare(a[x]!, a[first + 2]!) < 0) x = first + 2;
      return x;
    }
    if (first + 1 < l && compare(a[first]!, a[first + 1]!) < 0) return first + 1;
    return first < l ? first : -1;
  };
  const trickleDown = (l: number, start: number, e: T): void => {
    let i = start;
    for (;;) {
      const j = maxChild(l, i);
      if (j < 0) break;
      if (compare(a[j]!, e) > 0) {
        a[i] = a[j]!;
        i = j;
      } else {
        break;
      }
    }
    a[i] = e;
  };
  const bubbleDown = (l: number, start: number): number => {
    let i = start;
    for (;;) {
      const j = maxChild(l, i);
      if (j < 0) return i;
      a[i] = a[j]!;
      i = j;
    }
  };
  const trickleUp = (start: number, e: T): void => {
    let i = start;
    for (;;) {
      const father = Math.trunc((i - 1) / 3);
      if (compare(a[father]!, e) < 0) {
        a[i] = a[father]!;
        if (father > 0) {
          i = father;
        } else {
          a[0] = e;
          return;
        }
      } else {
        a[i] = e;
        return;
      }
    }
  };
  for (let i = Math.trunc((length + 1) / 3) - 1; i >= 0; i--) trickleDown(length, i, a[i]!);
  for (let i = length - 1; i >= 2; i--) {
    const e = a[i]!;
    a[i] = a[0]!;
    trickleUp(bubbleDown(i, 0), e);
  }
  if (length > 1) {
    const e = a[1]!;
    a[1] = a[0]!;
    a[0] = e;
  }
}
