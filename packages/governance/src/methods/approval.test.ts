/**
 * Approval and plurality on 0/1 ballots (the form of Belenios homomorphic answers).
 */
import { describe, expect, it } from 'vitest';
import { approval, plurality } from './approval';
import { InvalidMethodOptionsError } from './errors/invalid-method-options-error';

describe('approval', () => {
  it('counts approvals and ranks by count, ties together in index order', () => {
    const result = approval(
      [
        [1, 1, 0, 0],
        [0, 1, 1, 0],
        [1, 0, 0, 0],
      ],
      { blankAllowed: false },
    );
    expect(result.counts).toEqual([2, 2, 1, 0]);
    expect(result.winners).toEqual([[0, 1], [2], [3]]);
    expect(result.valid).toBe(3);
  });

  it('applies min, max and blank', () => {
    const result = approval(
      [
        [1, 1, 1],
        [0, 0, 0],
        [1, 0, 0],
        [2, 0, 0],
      ],
      { blankAllowed: true, min: 1, max: 2 },
    );
    expect(result.valid).toBe(1);
    expect(result.blank).toBe(1);
    expect(result.invalid).toEqual([
      [1, 1, 1],
      [2, 0, 0],
    ]);
  });

  it('rejects impossible bounds', () => {
    expect(() => approval([[1, 0]], { blankAllowed: false, min: 2, max: 1 })).toThrow(
      expect.objectContaining({ code: InvalidMethodOptionsError.code, option: 'max' }),
    );
  });
});

describe('plurality', () => {
  it('counts ballots selecting exactly one choice', () => {
    const result = plurality(
      [
        [0, 1, 0],
        [0, 1, 0],
        [1, 0, 0],
        [1, 1, 0],
        [0, 0, 0],
      ],
      { blankAllowed: false },
    );
    expect(result.counts).toEqual([1, 2, 0]);
    expect(result.winners).toEqual([[1], [0], [2]]);
    expect(result.invalid).toEqual([
      [1, 1, 0],
      [0, 0, 0],
    ]);
  });
});
