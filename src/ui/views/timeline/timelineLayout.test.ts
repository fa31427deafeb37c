import { describe, expect, it } from 'vitest';
import { fittedEnd } from './timelineLayout';

describe('the fitted view', () => {
  it('paused, ends just past the run', () => {
    expect(fittedEnd(1_000_000, false)).toBeCloseTo(1_020_000);
  });

  it('while running, grows in round steps, so most frames keep the same scale', () => {
    expect(fittedEnd(1_000_000, true)).toBe(1_250_000);
    expect(fittedEnd(1_100_000, true)).toBe(1_250_000);
    expect(fittedEnd(1_300_000, true)).toBe(1_500_000);
    expect(fittedEnd(9_000_000, true)).toBe(10_000_000);
    const edges = new Set<number>();
    for (let end = 1_000; end <= 1_000_000; end += 1_000) edges.add(fittedEnd(end, true));
    // A thousandfold growth moves the edge about ten times per tenfold, not a thousand times.
    expect(edges.size).toBeLessThanOrEqual(32);
    for (let end = 1_000; end <= 1_000_000; end += 997) {
      expect(fittedEnd(end, true)).toBeGreaterThanOrEqual(end * 1.02);
    }
  });
});
