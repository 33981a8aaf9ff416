/**
 * Majority judgment: the tie-break example of Wikipedia's "Majority judgment" article (X graded
 * Good, Good, Fair, Poor; Y graded Excellent, Fair, Fair, Fair: X wins after removing one Fair),
 * the two median conventions, and invariants of the count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidMethodOptionsError } from './errors/invalid-method-options-error';
import { MalformedBallotsError } from './errors/malformed-ballots-error';
import { majorityJudgment } from './majority-judgment';

// Grades 1 Excellent, 2 Good, 3 Fair, 4 Poor; choice 0 is X, choice 1 is Y.
const WIKIPEDIA = [
  [2, 1],
  [2, 3],
  [3, 3],
  [4, 3],
];

describe('majority judgment, Wikipedia tie-break example', () => {
  it("elects X with Balinski–Laraki's lower median (medians tie at Fair, then Good beats Fair)", () => {
    const result = majorityJudgment(WIKIPEDIA, { ngrades: 4, blankAllowed: false, median: 'worse' });
    expect(result.winners).toEqual([[0], [1]]);
  });

  it("elects X with belenios-tool's convention too", () => {
    expect(majorityJudgment(WIKIPEDIA, { ngrades: 4, blankAllowed: false }).winners).toEqual([[0], [1]]);
  });

  it('counts grades per choice', () => {
    expect(majorityJudgment(WIKIPEDIA, { ngrades: 4, blankAllowed: false }).raw).toEqual([
      [0, 2, 1, 1],
      [1, 0, 3, 0],
    ]);
  });
});

describe('majority judgment, median of an even number of grades', () => {
  // A: Excellent and Fair; B: Good twice.
  const ballots = [
    [1, 2],
    [3, 2],
  ];
  it('belenios-tool takes the better middle grade: A (Excellent) before B (Good)', () => {
    expect(majorityJudgment(ballots, { ngrades: 3, blankAllowed: false }).winners).toEqual([[0], [1]]);
  });
  it('Balinski–Laraki take the worse one: B (Good) before A (Fair)', () => {
    expect(majorityJudgment(ballots, { ngrades: 3, blankAllowed: false, median: 'worse' }).winners).toEqual([
      [1],
      [0],
    ]);
  });
});

describe('majority judgment, ballots belenios-tool does not count', () => {
  it('separates blank and invalid ballots, listing invalid ones last first', () => {
    const result = majorityJudgment(
      [
        [1, 2],
        [0, 0],
        [3, 1],
        [0, 1],
      ],
      { ngrades: 2, blankAllowed: true },
    );
    expect(result.valid).toBe(1);
    expect(result.blank).toBe(1);
    expect(result.invalid).toEqual([
      [0, 1],
      [3, 1],
    ]);
  });

  it('treats an all-zero ballot as invalid when blank is not allowed', () => {
    const result = majorityJudgment([[0, 0]], { ngrades: 2, blankAllowed: false });
    expect(result.invalid).toEqual([[0, 0]]);
    expect(result).not.toHaveProperty('blank');
  });

  it('refuses ballots of the wrong length and bad options', () => {
    expect(() => majorityJudgment([[1, 2], [1]], { ngrades: 2, blankAllowed: false })).toThrow(
      expect.objectContaining({ code: MalformedBallotsError.code, path: 'ballots[1]' }),
    );
    expect(() => majorityJudgment([[1]], { ngrades: 0, blankAllowed: false })).toThrow(
      expect.objectContaining({ code: InvalidMethodOptionsError.code, option: 'ngrades' }),
    );
    expect(() => majorityJudgment([], { ngrades: 2, blankAllowed: false })).toThrow(
      expect.objectContaining({ code: InvalidMethodOptionsError.code, option: 'nchoices' }),
    );
  });
});

describe('majority judgment, properties', () => {
  const profile = fc
    .record({ n: fc.integer({ min: 1, max: 5 }), g: fc.integer({ min: 1, max: 5 }) })
    .chain(({ n, g }) =>
      fc.record({
        n: fc.constant(n),
        g: fc.constant(g),
        ballots: fc.array(fc.array(fc.integer({ min: 1, max: g }), { minLength: n, maxLength: n }), {
          maxLength: 30,
        }),
      }),
    );

  it('does not depend on the order of the ballots', () => {
    fc.assert(
      fc.property(profile, fc.integer(), ({ n, g, ballots }, seed) => {
        const shuffled = [...ballots].sort(
          (a, b) => ((a.join() + seed).length % 3) - ((b.join() + seed).length % 3),
        );
        const options = { nchoices: n, ngrades: g, blankAllowed: false };
        expect(majorityJudgment(shuffled, options)).toEqual(majorityJudgment(ballots, options));
      }),
    );
  });

  it('ranks every choice exactly once', () => {
    fc.assert(
      fc.property(profile, ({ n, g, ballots }) => {
        const { winners } = majorityJudgment(ballots, { nchoices: n, ngrades: g, blankAllowed: false });
        expect(winners.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, c) => c));
      }),
    );
  });

  it('puts a choice that every voter grades strictly better than another one before it', () => {
    fc.assert(
      fc.property(profile, ({ n, g, ballots }) => {
        fc.pre(n >= 2 && g >= 2 && ballots.length > 0);
        // choice 0 gets grade 1 and choice 1 grade 2 on every ballot
        const dominated = ballots.map((b) => [1, 2, ...b.slice(2)]);
        const { winners } = majorityJudgment(dominated, { nchoices: n, ngrades: g, blankAllowed: false });
        const rank = (c: number) => winners.findIndex((group) => group.includes(c));
        expect(rank(0)).toBeLessThan(rank(1));
      }),
    );
  });
});
