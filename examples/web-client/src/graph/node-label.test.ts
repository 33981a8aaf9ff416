import { describe, expect, it } from 'vitest';
import { labelPosition } from './node-label';

describe('node labels stay inside the picture', () => {
  it('are centred under their node', () => {
    // 14 px text under a node of radius 10 at (200, 100): baseline 10 + 4 + 14 below the centre.
    expect(labelPosition({ x: 200, y: 100, size: 10 }, 80, 14, 400)).toEqual({ x: 160, y: 128 });
  });
  it('are shifted left when they would run past the right edge', () => {
    const { x } = labelPosition({ x: 380, y: 100, size: 10 }, 120, 14, 400);
    expect(x).toBe(280);
    expect(x + 120).toBeLessThanOrEqual(400);
  });
  it('are shifted right when they would start before the left edge', () => {
    expect(labelPosition({ x: 20, y: 100, size: 10 }, 120, 14, 400).x).toBe(0);
  });
  it('start at the left edge when wider than the picture', () => {
    expect(labelPosition({ x: 200, y: 100, size: 10 }, 500, 14, 400).x).toBe(0);
  });
});
