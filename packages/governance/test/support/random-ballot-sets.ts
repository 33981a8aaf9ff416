/**
 * @module
 * Seeded random ballot sets for differential tests against belenios-tool: small, tie-prone sets
 * with the edge cases belenios-tool has rules for (blank and invalid ballots, empty sets, a single
 * choice, repeated choices, partial rankings, ballots of different lengths).
 */

/** A deterministic pseudo-random generator (mulberry32). */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

/** One call of `belenios-tool method <method> <args…>` with `ballots` on standard input. */
export interface MethodCase {
  readonly method: 'schulze' | 'majority-judgment' | 'stv';
  readonly args: readonly string[];
  readonly ballots: readonly (readonly number[])[];
}

function permutationRanks(random: Random, n: number): number[] {
  return random.shuffle(Array.from({ length: n }, (_, i) => i + 1));
}

/** A random Schulze case. */
export function randomSchulzeCase(random: Random): MethodCase {
  const n = random.chance(0.1) ? 1 : random.chance(0.1) ? random.int(9, 20) : random.int(2, 8);
  const count = random.chance(0.05) ? 0 : random.int(1, random.chance(0.7) ? 12 : 80);
  const blankAllowed = random.chance(0.5);
  const style = random.int(0, 3);
  const prototypes = Array.from({ length: random.int(1, 4) }, () => permutationRanks(random, n));
  const ballots: number[][] = [];
  for (let b = 0; b < count; b++) {
    const roll = random.next();
    if (roll < 0.08) ballots.push(new Array<number>(n).fill(0));
    else if (style === 0) ballots.push(permutationRanks(random, n));
    else if (style === 1) ballots.push(Array.from({ length: n }, () => random.int(0, n)));
    else if (style === 2) ballots.push([...random.pick(prototypes)]);
    else ballots.push(Array.from({ length: n }, () => random.int(-2, n + 3)));
  }
  if (count > 1 && random.chance(0.03)) ballots[random.int(0, count - 1)]!.pop();
  const args = ['--blank-allowed', String(blankAllowed)];
  if (count === 0 || random.chance(0.6)) args.push('--nchoices', String(n));
  else if (random.chance(0.2)) args.push('--nchoices=0');
  return { method: 'schulze', args, ballots };
}

/** A random majority-judgment case; some choices copy the grade distribution of others, to force exact ties. */
export function randomMajorityJudgmentCase(random: Random): MethodCase {
  const n = random.chance(0.1) ? 1 : random.chance(0.1) ? random.int(9, 30) : random.int(2, 8);
  const ngrades = random.chance(0.05) ? random.int(8, 120) : random.int(1, 7);
  const count = random.chance(0.05) ? 0 : random.int(1, random.chance(0.7) ? 10 : 60);
  const blankAllowed = random.chance(0.5);
  const invalidRate = random.pick([0, 0, 0.05, 0.2]);
  const columns: number[][] = [];
  for (let c = 0; c < n; c++) {
    if (c > 0 && random.chance(0.4)) {
      columns.push(random.shuffle([...random.pick(columns)]));
    } else {
      columns.push(Array.from({ length: count }, () => random.int(1, ngrades)));
    }
  }
  const ballots: number[][] = [];
  for (let b = 0; b < count; b++) {
    const roll = random.next();
    if (roll < 0.06) ballots.push(new Array<number>(n).fill(0));
    else if (roll < 0.06 + invalidRate) {
      const ballot = columns.map((column) => column[b]!);
      ballot[random.int(0, n - 1)] = random.pick([0, -1, ngrades + 1, ngrades + 5]);
      ballots.push(ballot);
    } else ballots.push(columns.map((column) => column[b]!));
  }
  if (count > 1 && random.chance(0.03)) ballots[random.int(0, count - 1)]!.push(1);
  const args = ['--blank-allowed', String(blankAllowed), '--ngrades', String(ngrades)];
  if (count === 0 || random.chance(0.6)) args.push('--nchoices', String(n));
  else if (random.chance(0.2)) args.push('--nchoices=0');
  return { method: 'majority-judgment', args, ballots };
}

/** A random STV case, with partial rankings, invalid ballots and symmetric profiles that tie. */
export function randomStvCase(random: Random): MethodCase {
  const n = random.chance(0.05) ? 1 : random.chance(0.1) ? random.int(12, 24) : random.int(2, 8);
  const count = random.chance(0.04) ? 0 : random.int(1, random.chance(0.7) ? 15 : 120);
  const nseats = random.int(1, Math.min(4, n + 1));
  const prototypes = Array.from({ length: random.int(1, 5) }, () => permutationRanks(random, n));
  const ballots: number[][] = [];
  for (let b = 0; b < count; b++) {
    const roll = random.next();
    let ballot: number[];
    if (roll < 0.4) ballot = [...random.pick(prototypes)];
    else ballot = permutationRanks(random, n);
    if (random.chance(0.3)) {
      // keep only the first k ranks
      const k = random.int(0, n);
      ballot = ballot.map((rank) => (rank <= k ? rank : 0));
    }
    if (random.chance(0.05)) ballot[random.int(0, n - 1)] = random.pick([-1, 0, n + 1, 1, 2]);
    if (random.chance(0.02)) ballot = ballot.slice(0, random.int(0, n));
    ballots.push(ballot);
  }
  return { method: 'stv', args: ['--nseats', String(nseats)], ballots };
}

/** A random case for `method`. */
export function randomCase(method: MethodCase['method'], random: Random): MethodCase {
  if (method === 'schulze') return randomSchulzeCase(random);
  if (method === 'majority-judgment') return randomMajorityJudgmentCase(random);
  return randomStvCase(random);
}

/**
 * The seed of a differential run: `IMAGO_SEED` when it is set (to replay a run), otherwise a
 * fresh random one, so that each run tries other ballot sets.
 *
 * @throws when `IMAGO_SEED` is not an integer from 0 to 2³² − 1
 */
export function runSeed(text: string | undefined = process.env.IMAGO_SEED): number {
  if (text === undefined || text === '') return crypto.getRandomValues(new Uint32Array(1))[0]!;
  const seed = Number(text);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Error(`IMAGO_SEED must be an integer from 0 to 4294967295, not '${text}'`);
  }
  return seed;
}
