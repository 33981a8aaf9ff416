/**
 * STV as belenios-tool counts it: surplus transfer, elimination, logged ties, validity of
 * rankings, and the order of its outputs. Expected values are worked out by hand from the rules.
 */
import { describe, expect, it } from 'vitest';
import { InvalidMethodOptionsError } from './errors/invalid-method-options-error';
import { stv } from './stv';

const repeat = (times: number, ballot: number[]): number[][] =>
  Array.from({ length: times }, () => [...ballot]);

describe('STV', () => {
  it('elects A on first preferences, then B on A’s surplus', () => {
    // 11 ballots, 2 seats: quota ⌊11 / 3⌋ + 1 = 4. A has 6 (surplus 2, factor 1/3) → B gets 3 + 6 × 1/3.
    const ballots = [...repeat(6, [1, 2, 0]), ...repeat(3, [0, 1, 0]), ...repeat(2, [0, 0, 1])];
    const result = stv(ballots, { nseats: 2 });
    expect(result.events).toEqual([
      ['Win', [0]],
      ['Win', [1]],
    ]);
    expect(result.winners).toEqual([0, 1]);
  });

  it('eliminates the weakest choice when nobody reaches the quota', () => {
    // 9 ballots, 1 seat: quota 5. A 4, B 3, C 2 → C out, its ballots go to B (5) → B wins.
    const ballots = [...repeat(4, [1, 0, 0]), ...repeat(3, [0, 1, 0]), ...repeat(2, [0, 2, 1])];
    expect(stv(ballots, { nseats: 1 }).events).toEqual([
      ['Lose', 2],
      ['Win', [1]],
    ]);
  });

  it('breaks ties by index and logs them', () => {
    // 4 ballots, 1 seat: quota 3. A 2, B 2: nobody reaches 3; B (higher index) is eliminated → A 4.
    const result = stv([...repeat(2, [1, 2]), ...repeat(2, [2, 1])], { nseats: 1 });
    expect(result.events).toEqual([
      ['TieLose', [1, 0]],
      ['Lose', 1],
      ['Win', [0]],
    ]);
  });

  it('elects all remaining choices once there are no more than seats', () => {
    expect(stv([[1, 2, 3]], { nseats: 3 }).events).toEqual([['Win', [0, 1, 2]]]);
    expect(stv([], { nseats: 2 }).events).toEqual([['Win', []]]);
  });

  it('sorts valid preference lists and invalid ballots like belenios-tool', () => {
    const result = stv([[2, 1, 3], [0, 0, 0], [3, 3], [1, 0, 2], [2, 0, 0, 5], [1, 1, 2], [], [1, 2]], {
      nseats: 1,
    });
    expect(result.ballots).toEqual([[], [], [0, 1], [0, 2], [1, 0, 2]]);
    // shorter first, then element by element
    expect(result.invalid).toEqual([
      [3, 3],
      [1, 1, 2],
      [2, 0, 0, 5],
    ]);
  });

  it('requires a positive number of seats', () => {
    expect(() => stv([[1]], { nseats: 0 })).toThrow(
      expect.objectContaining({ code: InvalidMethodOptionsError.code, option: 'nseats' }),
    );
  });
});
