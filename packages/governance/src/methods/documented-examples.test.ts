/**
 * The examples shown in the README and in the TSDoc of `@imago/governance/methods` give what they
 * say they give.
 */
import { describe, expect, it } from 'vitest';
import { approval, plurality } from './approval';
import { packBallots } from './ballots';
import { majorityJudgment } from './majority-judgment';
import { rankedPairs } from './ranked-pairs';
import { readBallots } from './read-ballots';
import { schulze } from './schulze';
import { stv } from './stv';

describe('documented examples', () => {
  it('schulze', () => {
    expect(
      schulze(
        [
          [1, 2, 3],
          [2, 1, 3],
          [1, 3, 2],
        ],
        { blankAllowed: false },
      ).winners,
    ).toEqual([[0], [1], [2]]);
  });

  it('majorityJudgment', () => {
    expect(
      majorityJudgment(readBallots('[[1,2],[2,3],[1,3]]'), { ngrades: 3, blankAllowed: false }).winners,
    ).toEqual([[0], [1]]);
  });

  it('stv', () => {
    expect(
      stv(
        [
          [1, 2, 0],
          [1, 0, 2],
          [0, 1, 2],
        ],
        { nseats: 1 },
      ).winners,
    ).toEqual([0]);
  });

  it('rankedPairs', () => {
    expect(
      rankedPairs(
        [
          [1, 2, 3],
          [2, 3, 1],
          [3, 1, 2],
          [1, 2, 3],
        ],
        { blankAllowed: false },
      ).winners,
    ).toEqual([[0], [1], [2]]);
  });

  it('approval and plurality', () => {
    expect(
      approval(
        [
          [1, 1, 0],
          [0, 1, 0],
        ],
        { blankAllowed: false },
      ).winners,
    ).toEqual([[1], [0], [2]]);
    expect(
      plurality(
        [
          [0, 1],
          [0, 1],
          [1, 0],
        ],
        { blankAllowed: false },
      ).winners,
    ).toEqual([[1], [0]]);
  });

  it('packBallots and readBallots', () => {
    expect(
      packBallots([
        [1, 2],
        [2, 1],
      ]).count,
    ).toBe(2);
    expect(readBallots('[[1,2],[2,1]]').count).toBe(2);
  });
});
