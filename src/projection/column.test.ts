import { describe, expect, it } from 'vitest';
import { Column, columnSet, valuesOf } from './column';

describe('Column', () => {
  it('keeps what was pushed through growth, and its values view follows each change', () => {
    const c = new Column();
    for (let i = 0; i < 1000; i++) c.push(i * 2);
    expect(c.length).toBe(1000);
    expect(c.values.length).toBe(1000);
    expect(c.values[999]).toBe(1998);
    c.put(999, -1);
    expect(c.at(999)).toBe(-1);
    expect(c.values[999]).toBe(-1);
  });

  it('replaces everything from an index with a tail in one step, growing as needed', () => {
    const c = new Column();
    c.replaceFrom(0, [1, 2, 3]);
    c.replaceFrom(
      2,
      Float64Array.from({ length: 100 }, (_, i) => 10 + i),
    );
    expect(c.length).toBe(102);
    expect(Array.from(c.values.subarray(0, 4))).toEqual([1, 2, 10, 11]);
    // A tail starting past the end starts at the end: nothing is left undefined.
    c.replaceFrom(500, [7]);
    expect(c.length).toBe(103);
    expect(c.at(102)).toBe(7);
  });

  it('copies a tail out and drops a prefix without losing the rest', () => {
    const c = new Column();
    for (let i = 0; i < 10; i++) c.push(i);
    const out = new Float64Array(3);
    c.copyTail(7, out);
    expect(Array.from(out)).toEqual([7, 8, 9]);
    c.dropFront(8);
    expect(Array.from(c.values)).toEqual([8, 9]);
    c.clear();
    expect(c.values.length).toBe(0);
  });
});

describe('columnSet', () => {
  it('reads its columns as properties, and two sets with the same numbers are equal', () => {
    const a = columnSet(['t', 'index']);
    const b = columnSet(['t', 'index']);
    for (let i = 0; i < 40; i++) a.columns.t.push(i);
    b.columns.t.replaceFrom(
      0,
      Float64Array.from({ length: 40 }, (_, i) => i),
    );
    expect(a.t[39]).toBe(39);
    expect(Object.keys(a)).toEqual(['t', 'index']);
    expect(a).toEqual(b);
    expect(valuesOf(a)).toEqual({ t: a.t, index: a.index });
    b.columns.index.push(1);
    expect(a).not.toEqual(b);
  });
});
