/**
 * Ranked pairs on the Tennessee capital example of Wikipedia's "Ranked pairs" article
 * (Memphis, Nashville, Chattanooga, Knoxville): Nashville wins, then Chattanooga, Knoxville, Memphis.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankedPairs } from './ranked-pairs';
import { schulze } from './schulze';

// Choices: 0 Memphis, 1 Nashville, 2 Chattanooga, 3 Knoxville. Ranks per choice.
const TENNESSEE: [number, number[]][] = [
  [42, [1, 2, 3, 4]],
  [26, [4, 1, 2, 3]],
  [15, [4, 3, 1, 2]],
  [17, [4, 3, 2, 1]],
];
const ballots = TENNESSEE.flatMap(([voters, ranks]) => Array.from({ length: voters }, () => [...ranks]));

describe('ranked pairs, Wikipedia Tennessee example', () => {
  const result = rankedPairs(ballots, { blankAllowed: false });

  it('locks the majorities from the strongest: Chattanooga over Knoxville (83 %) first, then the 68 % ones', () => {
    // Nashville over Chattanooga and over Knoxville are equally strong (68–32): loser index decides.
    expect(result.locked).toEqual([
      [2, 3],
      [1, 2],
      [1, 3],
      [1, 0],
      [2, 0],
      [3, 0],
    ]);
  });

  it('ranks Nashville, Chattanooga, Knoxville, Memphis', () => {
    expect(result.winners).toEqual([[1], [2], [3], [0]]);
  });

  it('agrees with Schulze here (there is a Condorcet order)', () => {
    expect(schulze(ballots, { blankAllowed: false }).winners).toEqual(result.winners);
  });

  it('leaves a perfect cycle of equal majorities partly unlocked, and ranks without a cycle', () => {
    const cycle = rankedPairs(
      [
        [1, 2, 3],
        [3, 1, 2],
        [2, 3, 1],
      ],
      { blankAllowed: false },
    );
    expect(cycle.locked).toHaveLength(2);
    expect(cycle.winners.flat().sort()).toEqual([0, 1, 2]);
  });
});

describe('ranked pairs, properties', () => {
  const profiles = fc.integer({ min: 1, max: 6 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      ballots: fc.array(fc.array(fc.integer({ min: 0, max: n }), { minLength: n, maxLength: n }), {
        maxLength: 25,
      }),
    }),
  );

  it('ranks a Condorcet winner first, alone', () => {
    fc.assert(
      fc.property(profiles, ({ n, ballots }) => {
        const result = rankedPairs(ballots, { nchoices: n, blankAllowed: false });
        const beatsAll = (c: number) =>
          Array.from({ length: n }, (_, d) => d === c || result.raw[c]![d]! > result.raw[d]![c]!).every(
            Boolean,
          );
        const condorcet = Array.from({ length: n }, (_, c) => c).filter(beatsAll);
        if (condorcet.length === 1 && n > 1) expect(result.winners[0]).toEqual(condorcet);
      }),
    );
  });

  it('locks an acyclic set of majorities that the ranking respects', () => {
    fc.assert(
      fc.property(profiles, ({ n, ballots }) => {
        const result = rankedPairs(ballots, { nchoices: n, blankAllowed: false });
        const level = (c: number) => result.winners.findIndex((group) => group.includes(c));
        for (const [winner, loser] of result.locked) expect(level(winner)).toBeLessThan(level(loser));
        expect(result.winners.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, c) => c));
      }),
    );
  });
});
