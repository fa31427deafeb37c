import { describe, expect, it } from 'vitest';
import { columnHeights } from './drawTimeline';

const heights = (cover: number[], h: number) => {
  const out = new Int32Array(cover.length);
  columnHeights(Float32Array.from(cover), 0, cover.length, h, out);
  return [...out];
};

describe('columnHeights', () => {
  it('splits a column among its modes by share, not to the one that covers most', () => {
    // idle, user, kernel, spinning: a column 44% spinning is drawn 44% spinning.
    expect(heights([0, 0.56, 0, 0.44], 25)).toEqual([0, 14, 0, 11]);
    expect(heights([0.25, 0.25, 0.25, 0.25], 12)).toEqual([3, 3, 3, 3]);
  });

  it('gives any mode present at least a pixel and fills exactly the share on a core', () => {
    const h = heights([0, 0.97, 0.02, 0.01], 12);
    expect(h[2]).toBeGreaterThanOrEqual(1);
    expect(h[3]).toBeGreaterThanOrEqual(1);
    expect(h.reduce((a, b) => a + b, 0)).toBe(12);
    // A thread on a core for half the column fills half of it.
    expect(heights([0, 0.5, 0, 0], 12)).toEqual([0, 6, 0, 0]);
    expect(heights([0, 0.01, 0, 0], 12)).toEqual([0, 0, 0, 0]);
  });

  it('gives the pixels left after rounding down to the largest remainders, ties to the earlier mode', () => {
    expect(heights([0.25, 0.25, 0.25, 0.25], 10)).toEqual([3, 3, 2, 2]);
    expect(heights([0.1, 0.2, 0.3, 0.4], 7)).toEqual([1, 1, 2, 3]);
  });
});
