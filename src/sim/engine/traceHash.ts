// traceHash: a 64-bit FNV-1a-style digest (two 32-bit lanes) over every event's fields, in log
// order. Equal hashes across Node and the browser prove the runs were identical.

export class TraceHasher {
  private h1 = 0x811c9dc5;
  private h2 = 0x01000193;

  private mixString(s: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
    this.h1 = h1;
    this.h2 = h2 ^ (h2 >>> 13);
  }

  private mixNumber(n: number): void {
    const lo = n | 0;
    const hi = Math.floor(n / 4294967296) | 0;
    this.h1 = Math.imul(this.h1 ^ lo, 0x01000193) ^ hi;
    this.h2 = Math.imul(this.h2 ^ (lo ^ 0x27d4eb2d), 0x5bd1e995) ^ (this.h2 >>> 15);
  }

  private mixValue(v: unknown): void {
    if (typeof v === 'number') this.mixNumber(v);
    else if (typeof v === 'string') this.mixString(v);
    else if (typeof v === 'boolean') this.mixNumber(v ? 1 : 2);
    else if (Array.isArray(v)) {
      this.mixNumber(v.length);
      for (const x of v) this.mixValue(x);
    } else if (v === null || v === undefined) this.mixNumber(-1);
    else this.mixString(JSON.stringify(v));
  }

  add(event: object): void {
    for (const key in event) {
      this.mixString(key);
      this.mixValue((event as Record<string, unknown>)[key]);
    }
  }

  digest(): string {
    const a = (this.h1 >>> 0).toString(16).padStart(8, '0');
    const b = (this.h2 >>> 0).toString(16).padStart(8, '0');
    return a + b;
  }
}
