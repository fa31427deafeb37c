import { afterEach, describe, expect, it } from 'vitest';
import { LAYOUT_KEY, loadSplit, saveSplit } from './paneLayout';

const memory = new Map<string, string>();
Object.defineProperty(globalThis, 'localStorage', {
  configurable: true,
  value: {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
    removeItem: (k: string) => void memory.delete(k),
  },
});
afterEach(() => memory.clear());

const defaults = { weights: { a: 1, b: 2 }, collapsed: [] };

describe('remembered pane layout', () => {
  it('gives back the sizes and collapsed panes saved for a split', () => {
    saveSplit('center', { weights: { a: 3, b: 1 }, collapsed: ['b'] });
    expect(loadSplit('center', defaults)).toEqual({ weights: { a: 3, b: 1 }, collapsed: ['b'] });
    expect(loadSplit('other', defaults)).toEqual(defaults);
  });

  it('keeps only the panes the split still has and ignores bad values', () => {
    memory.set(
      LAYOUT_KEY,
      JSON.stringify({ center: { weights: { a: -1, gone: 4, b: 5 }, collapsed: ['gone', 'a'] } }),
    );
    expect(loadSplit('center', defaults)).toEqual({ weights: { a: 1, b: 5 }, collapsed: ['a'] });
  });

  it('falls back to the defaults when the stored layout is unreadable', () => {
    memory.set(LAYOUT_KEY, '{not json');
    expect(loadSplit('center', defaults)).toEqual(defaults);
  });
});
