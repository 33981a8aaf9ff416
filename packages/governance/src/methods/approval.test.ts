/**
 * Approval and plurality on 0/1 ballots (the form of Belenios homomorphic answers).
 */
import fc from 'fast-check';
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

describe('approval, properties', () => {
  it('every ballot is valid, blank or invalid, and counts add up to the approvals of valid ballots', () => {
    const sets = fc.integer({ min: 1, max: 5 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        ballots: fc.array(fc.array(fc.integer({ min: -1, max: 2 }), { minLength: n, maxLength: n }), {
          maxLength: 30,
        }),
        blankAllowed: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(sets, ({ n, ballots, blankAllowed }) => {
        const result = approval(ballots, { nchoices: n, blankAllowed });
        expect(result.valid + (result.blank ?? 0) + result.invalid.length).toBe(ballots.length);
        const approvals = ballots
          .filter((b) => b.every((x) => x === 0 || x === 1) && !(blankAllowed && b.every((x) => x === 0)))
          .reduce((sum, b) => sum + b.reduce((s, x) => s + x, 0), 0);
        expect(result.counts.reduce((s, x) => s + x, 0)).toBe(approvals);
      }),
    );
  });
});
