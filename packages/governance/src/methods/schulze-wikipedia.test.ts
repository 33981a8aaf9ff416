/**
 * Schulze on the 45-voter example of Wikipedia's "Schulze method" article: E wins, and the full
 * order is E > A > C > B > D. Pairwise counts d[X,Y] and strongest-path strengths p[X,Y] are the
 * article's tables.
 */
import { describe, expect, it } from 'vitest';
import { schulze } from './schulze';

// Choices A..E are indices 0..4. Each group: voters, order best first.
const GROUPS: [number, string][] = [
  [5, 'ACBED'],
  [5, 'ADECB'],
  [8, 'BEDAC'],
  [3, 'CABED'],
  [7, 'CAEBD'],
  [2, 'CBADE'],
  [7, 'DCEBA'],
  [8, 'EBADC'],
];

function ballots(): number[][] {
  const result: number[][] = [];
  for (const [voters, order] of GROUPS) {
    const ranks = new Array<number>(5);
    [...order].forEach((letter, position) => {
      ranks[letter.charCodeAt(0) - 65] = position + 1;
    });
    for (let v = 0; v < voters; v++) result.push([...ranks]);
  }
  return result;
}

// Wikipedia's d[X,Y] (row X, column Y; diagonal unused).
const D = [
  [0, 20, 26, 30, 22],
  [25, 0, 16, 33, 18],
  [19, 29, 0, 17, 24],
  [15, 12, 28, 0, 14],
  [23, 27, 21, 31, 0],
];
// Wikipedia's p[X,Y], strongest paths with winning votes.
const P = [
  [0, 28, 28, 30, 24],
  [25, 0, 28, 33, 24],
  [25, 29, 0, 29, 24],
  [25, 28, 28, 0, 24],
  [25, 28, 28, 31, 0],
];

describe('Schulze, Wikipedia 45-voter example', () => {
  const result = schulze(ballots(), { blankAllowed: false });

  it('counts all 45 ballots', () => {
    expect(result.valid).toBe(45);
    expect(result.blank).toBeUndefined();
  });

  it('reproduces the pairwise matrix d', () => {
    expect(result.raw).toEqual(D);
  });

  it('reproduces the strongest-path strengths p (winning-votes component)', () => {
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 5; j++)
        if (i !== j) expect(result.beatpaths[i]![j]![0], `p[${i},${j}]`).toBe(P[i]![j]);
    }
  });

  it('elects E, then ranks A, C, B, D', () => {
    expect(result.winners).toEqual([[4], [0], [2], [1], [3]]);
  });
});
