import { describe, expect, it } from 'vitest';
import { fmtCycles, fmtInt, fmtPercent, fmtTime } from './format';

describe('format', () => {
  it('writes whole numbers with thousands separators, as Intl does', () => {
    for (const n of [0, 7, 999, 1000, 12345, -1234567, 1e9 + 0.4, 999.6]) {
      expect(fmtInt(n)).toBe(
        new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n),
      );
    }
  });

  it('gives cycles with their time on the platform clock', () => {
    expect(fmtCycles(3400, 3400)).toBe('3,400 cycles (1.00 µs)');
    expect(fmtTime(0.2)).toBe('200 ns');
    expect(fmtTime(2500)).toBe('2.50 ms');
    expect(fmtPercent(1, 3)).toBe('33.3%');
    expect(fmtPercent(1, 0)).toBe('–');
  });
});
