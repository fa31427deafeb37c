// traceHash: a 64-bit digest (two 32-bit FNV-style lanes) over every event's field values, in log
// order. Equal hashes across Node and the browser prove the runs were identical. Keys are not
// hashed (an event's type fixes its keys) and string hashes are cached: the same thread, object
// and syscall names recur in every event (perf-limits.md §1: no work per event that can be shared).

const MAX_CACHED = 4096;

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class TraceHasher {
  private h1 = 0x811c9dc5;
  private h2 = 0x01000193;
  private readonly strings = new Map<string, number>();

  private mix(x: number): void {
    this.h1 = Math.imul(this.h1 ^ x, 0x01000193);
    this.h2 = Math.imul((this.h2 << 5) | (this.h2 >>> 27), 0x5bd1e995) ^ x;
  }

  private mixString(s: string): void {
    let h = this.strings.get(s);
    if (h === undefined) {
      h = hashString(s);
      if (this.strings.size < MAX_CACHED) this.strings.set(s, h);
    }
    this.mix(h ^ 0x9e3779b9);
  }

  private mixValue(v: unknown): void {
    switch (typeof v) {
      case 'number':
        this.mix(v | 0);
        if (v > 0x7fffffff || v < -0x80000000 || !Number.isInteger(v))
          this.mix(Math.floor(v / 4294967296) | 0);
        return;
      case 'string':
        this.mixString(v);
        return;
      case 'boolean':
        this.mix(v ? 0x51 : 0x52);
        return;
      default:
        if (Array.isArray(v)) {
          this.mix(v.length ^ 0x7f4a7c15);
          for (const x of v) this.mixValue(x);
        } else if (v === null || v === undefined) this.mix(0x33);
        else this.mixString(JSON.stringify(v));
    }
  }

  add(event: object): void {
    const e = event as Record<string, unknown>;
    for (const key in e) this.mixValue(e[key]);
  }

  digest(): string {
    const a = (this.h1 >>> 0).toString(16).padStart(8, '0');
    const b = (this.h2 >>> 0).toString(16).padStart(8, '0');
    return a + b;
  }
}
