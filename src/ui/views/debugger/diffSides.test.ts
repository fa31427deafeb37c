import { describe, expect, it } from 'vitest';
import type { RunConfig } from '../../../sim/config';
import { describeSide, isShown, shownSide, toVariant } from './diffSides';

const CONFIG: RunConfig = {
  platform: 'skylake-i7',
  cores: 2,
  kernel: 'smp',
  mcs: false,
  seed: 1,
  params: { think: 500 },
};
const SCRIPTS = { loaded: 'loaded', file: 'echo.ts', editor: 'edited' };

describe('the sides of a run diff', () => {
  it('labels each side by what it changes, and builds the variant the worker runs', () => {
    const a = shownSide(CONFIG);
    const b = {
      config: { ...CONFIG, platform: 'a9-sabre', params: { think: 50 } },
      script: 'editor' as const,
    };
    expect(describeSide(b, a)).toBe("a9-sabre, think=50, editor's script");
    expect(describeSide(a, a)).toBe('skylake-i7 · 2 cores · smp');
    const v = toVariant('B', b, a, SCRIPTS);
    expect(v).toEqual({
      label: "B: a9-sabre, think=50, editor's script",
      source: 'edited',
      file: 'echo.ts',
      overrides: {
        platform: 'a9-sabre',
        cores: 2,
        kernel: 'smp',
        mcs: false,
        seed: 1,
        params: { think: 50 },
      },
    });
  });

  it('knows the shown run: same script, same machine, same parameters', () => {
    const a = toVariant('A', shownSide(CONFIG), shownSide(CONFIG), SCRIPTS);
    expect(isShown(a, 'loaded', CONFIG)).toBe(true);
    expect(isShown(a, 'other', CONFIG)).toBe(false);
    expect(isShown(a, 'loaded', { ...CONFIG, cores: 4 })).toBe(false);
    expect(isShown(a, 'loaded', { ...CONFIG, params: { think: 1 } })).toBe(false);
    expect(isShown(a, 'loaded', null)).toBe(false);
  });
});
