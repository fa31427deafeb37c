import { describe, expect, it } from 'vitest';
import type { Spans } from '../../../projection/timeline';
import { rowRects } from './drawTimeline';
import { columnHeights } from './spanColumns';
import type { Row, View } from './timelineLayout';

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

describe('row rectangles kept from frame to frame', () => {
  const row: Row = { kind: 'core', index: 0, y: 0, h: 20, label: 'core 0' };
  const spans = (): { [k in keyof Spans]: number[] } => ({
    start: [],
    mode: [],
    other: [],
    index: [],
  });

  it('match a fresh computation as a running machine appends spans and rewrites the last one', () => {
    const s = spans();
    const tl = { cores: [s], threads: [], end: 0 };
    const view: View = { t0: 0, t1: 50_000, scrollY: 0 };
    let seed = 7;
    for (let t = 0; t < 40_000;) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const step = 1 + (seed % 400);
      const mode = seed % 4;
      // Now and then a change at the same instant replaces the last span (timeline.ts push).
      if (s.start.length > 0 && seed % 7 === 0) s.mode[s.mode.length - 1] = mode;
      else {
        s.start.push(t);
        s.mode.push(mode);
        s.other.push(0);
        s.index.push(s.start.length);
      }
      t += step;
      tl.end = t;
      if (s.start.length % 5 === 0)
        expect(rowRects(tl, row, view, 600, true)).toEqual(rowRects(tl, row, view, 600));
    }
    // Another view starts over.
    const zoomed: View = { t0: 10_000, t1: 12_000, scrollY: 0 };
    expect(rowRects(tl, row, zoomed, 600, true)).toEqual(rowRects(tl, row, zoomed, 600));
    expect(rowRects(tl, row, view, 600, true)).toEqual(rowRects(tl, row, view, 600));
  });
});
