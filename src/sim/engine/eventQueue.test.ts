import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import { EventQueue } from './eventQueue';

function drain(q: EventQueue): [number, number][] {
  const out: [number, number][] = [];
  for (let it = q.pop(); it !== undefined; it = q.pop()) out.push([it.time, it.core]);
  return out;
}

describe('event queue', () => {
  it('pops items in time order, and items of equal time in the order they were pushed', () => {
    const q = new EventQueue();
    q.push(30, 0, 1);
    q.push(10, 0, 2);
    q.push(30, 0, 3);
    q.push(10, 0, 4);
    q.push(20, 0, 5);
    expect(drain(q)).toEqual([
      [10, 2],
      [10, 4],
      [20, 5],
      [30, 1],
      [30, 3],
    ]);
    expect(q.pop()).toBeUndefined();
    expect(q.peekTime()).toBe(Infinity);
  });

  it('keeps the order across growth and interleaved pushes and pops', () => {
    const q = new EventQueue();
    const rng = createRng(7);
    const want: [number, number, number][] = [];
    let seq = 0;
    const got: [number, number][] = [];
    for (let i = 0; i < 5000; i++) {
      const t = Math.floor(rng.next() * 200);
      q.push(t, i % 7, seq, i);
      want.push([t, seq++, i]);
      if (i % 3 === 0) {
        const it = q.pop()!;
        got.push([it.time, it.core]);
        want.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        const w = want.shift()!;
        expect([it.time, it.core, it.gen, it.kind]).toEqual([w[0], w[1], w[2], w[2] % 7]);
      }
    }
    want.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(q.size).toBe(want.length);
    expect(drain(q)).toEqual(want.map(([t, s]) => [t, s]));
  });
});
