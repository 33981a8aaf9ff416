/**
 * The benchmarks' inputs are random but the same in every run: mulberry32, a 32-bit generator
 * that is fast and good enough for test data (never for anything secret).
 */

/**
 * A generator of numbers in [0, 1), the same sequence for the same seed.
 *
 * @param seed - any 32-bit integer.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
