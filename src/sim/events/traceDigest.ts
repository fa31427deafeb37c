// The traceHash's arithmetic (eventLog.ts decides what goes in, and when): a 64-bit digest in
// two 32-bit FNV-style lanes over the log's record words, in log order, and a lane of its own
// over the text of every interned string, in id order, so a mirror that receives strings a
// batch at a time hashes the same as the log it mirrors.

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class TraceDigest {
  private h1 = 0x811c9dc5;
  private h2 = 0x01000193;
  private s1 = 0x811c9dc5;
  private s2 = 0x01000193;

  /** Mix words w[from, to) into both word lanes (in locals: no field writes per word). */
  mixWords(w: Int32Array, from: number, to: number): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let k = from; k < to; k++) {
      const x = w[k]!;
      h1 = Math.imul(h1 ^ x, 0x01000193);
      h2 = Math.imul((h2 << 5) | (h2 >>> 27), 0x5bd1e995) ^ x;
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /** Mix the next interned string into the string lane. */
  mixString(s: string): void {
    const x = hashString(s) ^ 0x9e3779b9;
    this.s1 = Math.imul(this.s1 ^ x, 0x01000193);
    this.s2 = Math.imul((this.s2 << 5) | (this.s2 >>> 27), 0x5bd1e995) ^ x;
  }

  /** The digest of everything mixed so far, as 16 hex digits. */
  digest(): string {
    const h1 = Math.imul(this.h1 ^ this.s1, 0x01000193);
    const h2 = this.h2 ^ Math.imul(this.s2, 0x5bd1e995);
    const a = (h1 >>> 0).toString(16).padStart(8, '0');
    const b = (h2 >>> 0).toString(16).padStart(8, '0');
    return a + b;
  }
}
