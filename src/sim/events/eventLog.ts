// The event log in binary form, written by the engine as it emits (codec.ts has the record
// layout): Int32 chunks, strings interned once per run, an index entry every INDEX_EVERY events
// so any event is a short walk away. Objects are built only when someone asks for an event.
// The traceHash is computed here, over the very words written and the text of every interned
// string (in id order, a lane of its own, so a mirror that gets strings a batch at a time hashes
// the same), so equal hashes mean equal logs. The worker ships slices of these words to the
// page, whose mirror appends them unchanged and hashes them too (perf-limits.md §2).
import { CODECS, WIDE, codecOf, getNumber, putNumber } from './codec';
import type { SimEvent, SimEventBody } from './schema';
import { TraceDigest } from './traceDigest';

/** A slice of the log as it crosses the worker boundary. */
export interface EncodedBatch {
  /** Index of the first event. */
  start: number;
  count: number;
  /** The records of events [start, start + count), unchanged. */
  words: Int32Array;
  /** Time of event start - 1 (0 when start is 0): the base of the first record's time step. */
  time0: number;
  /** Strings interned since stringBase (the receiver appends them to its table). */
  strings: string[];
  stringBase: number;
}

export interface Chunk {
  words: Int32Array;
  used: number;
}

const CHUNK_WORDS = 1 << 18;
/** A log that keeps only its current chunk (hash and stream) reuses one small enough to stay in
 * the core's L2 cache: a sweep's threads then do not compete for memory bandwidth. */
const RING_WORDS = 1 << 13;
export const INDEX_SHIFT = 5;
export const INDEX_EVERY = 1 << INDEX_SHIFT;
export const LEN_SHIFT = 20;
export const MAX_INLINE_LEN = 0xfff;

export interface EventLogOptions {
  /** Keep every record (default); false keeps only the current chunk (hash and stream only). */
  retain?: boolean;
  /** Compute the traceHash (default true; benchmarks of the bare engine turn it off). */
  hash?: boolean;
}

export class EventLog {
  readonly strings: string[] = [];
  length = 0;
  private readonly ids = new Map<string, number>();
  private readonly chunks: Chunk[] = [];
  /** @internal Time of the last record (the next one stores its time as a step from it). */
  lastTime = 0;
  /** @internal The chunk records are written into, and where in it the last record starts. */
  cur: Chunk = { words: new Int32Array(0), used: 0 };
  lastAt = 0;
  private idxChunk = new Int32Array(1024);
  private idxOff = new Int32Array(1024);
  private idxTime = new Float64Array(1024);
  /** Where the last walk ended: the next get(i + 1) continues from there. */
  private walk = { i: -1, chunk: 0, off: 0, t: 0 };
  private readonly retain: boolean;
  private readonly hashing: boolean;
  private readonly digest = new TraceDigest();
  /** Words before (hChunk, hOff) are mixed into h1/h2: records are hashed in bulk when the
   * hash is read or a chunk is about to be reused, not one call per event. */
  private hChunk = 0;
  private hOff = 0;
  /** The last string interned or looked up, and its id (events often repeat the last name). */
  private lastString: string | null = null;
  private lastId = -1;
  readonly internFn = (s: string): number => this.intern(s);

  constructor(opts: EventLogOptions = {}) {
    this.retain = opts.retain ?? true;
    this.hashing = opts.hash ?? true;
  }

  /** Mix every record written since the last catch-up, in log order. */
  private catchUp(): void {
    if (!this.hashing) return;
    const chunks = this.chunks;
    while (this.hChunk < chunks.length) {
      const c = chunks[this.hChunk]!;
      if (this.hOff < c.used) {
        this.digest.mixWords(c.words, this.hOff, c.used);
        this.hOff = c.used;
      }
      if (this.hChunk === chunks.length - 1) break;
      this.hChunk++;
      this.hOff = 0;
    }
  }

  /** A 64-bit digest of every record and string so far (traceDigest.ts). */
  get traceHash(): string {
    this.catchUp();
    return this.digest.digest();
  }

  /** Bytes the records and the index take. */
  get bytes(): number {
    let words = 0;
    for (const c of this.chunks) words += c.used;
    return words * 4 + (this.length >> INDEX_SHIFT) * 16;
  }

  intern(s: string): number {
    if (s === this.lastString) return this.lastId;
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
      if (this.hashing) this.digest.mixString(s);
    }
    this.lastString = s;
    this.lastId = id;
    return id;
  }

  /**
   * The chunk to write a record of up to `room` words into (a new one, or the ring's reused).
   * Writers call it only when the current chunk is full.
   */
  chunkFor(room: number): Chunk {
    let c = this.chunks[this.chunks.length - 1];
    if (c !== undefined && c.used + room <= c.words.length) return (this.cur = c);
    if (c !== undefined && !this.retain) {
      this.catchUp();
      c.used = 0;
      this.hOff = 0;
      if (room <= c.words.length) return (this.cur = c);
    }
    c = { words: new Int32Array(Math.max(this.retain ? CHUNK_WORDS : RING_WORDS, room)), used: 0 };
    if (!this.retain) {
      this.chunks.length = 0;
      this.hChunk = 0;
    }
    this.chunks.push(c);
    return (this.cur = c);
  }

  /** Index event `seq`, whose record starts at `off` of the current chunk (every INDEX_EVERY). */
  mark(seq: number, off: number): void {
    if (this.retain) this.index(seq, this.chunks.length - 1, off, this.lastTime);
  }

  private index(i: number, chunk: number, off: number, tPrev: number): void {
    const k = i >> INDEX_SHIFT;
    if (k >= this.idxChunk.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.idxChunk = grow(this.idxChunk);
      this.idxOff = grow(this.idxOff);
      this.idxTime = grow(this.idxTime);
    }
    this.idxChunk[k] = chunk;
    this.idxOff[k] = off;
    this.idxTime[k] = tPrev;
  }

  /**
   * Rare (long arrays): a record of `u - u0` words or more than the header can say gets its full
   * length in a word after the header. Returns the record's new end.
   */
  longRecord(w: Int32Array, u0: number, u: number): number {
    if (u + 1 > w.length) throw new Error(`event ${this.length} does not fit a log chunk`);
    w.copyWithin(u0 + 2, u0 + 1, u);
    w[u0 + 1] = u + 1 - u0;
    return u + 1;
  }

  /*
   * Writing a record. The typed writers (writers.ts) do these steps inline, in their own
   * generated code: a record costs a few stores, not calls. `open` and `close` do the same for
   * `append`, the generic path. Between them the record being written is at w[openAt...].
   */
  private openAt = 0;
  private openCode = 0;
  private openCore = 0;
  private openTime = 0;

  /** The words of the record being written (valid from `open` to `close`). */
  w: Int32Array = new Int32Array(0);

  /**
   * Start a record of type `code` by `core` at time `t` with room for `room` field words; the
   * fields go at this.w[returned offset...], then `close` gets the offset after them.
   */
  open(code: number, core: number, t: number, room: number): number {
    let c = this.cur;
    if (c.used + 5 + room > c.words.length) c = this.chunkFor(5 + room);
    const u0 = c.used;
    if ((this.length & (INDEX_EVERY - 1)) === 0) this.mark(this.length, u0);
    this.w = c.words;
    this.openAt = u0;
    this.openCode = code;
    this.openCore = core;
    this.openTime = t;
    return putNumber(c.words, u0 + 1, t - this.lastTime);
  }

  /** End the open record at word `end`; returns its index (its seq). */
  close(end: number): number {
    const c = this.cur;
    const u0 = this.openAt;
    let u = end;
    let len = u - u0;
    if (len >= MAX_INLINE_LEN) {
      u = this.longRecord(c.words, u0, u);
      len = MAX_INLINE_LEN;
    }
    c.words[u0] = this.openCode | (this.openCore << 8) | (len << LEN_SHIFT);
    c.used = u;
    this.lastAt = u0;
    this.lastTime = this.openTime;
    return this.length++;
  }

  /** The last event written, as an object (for listeners of a run written field by field). */
  last(): SimEvent {
    const w = this.cur.words;
    const off = this.lastAt;
    const h = w[off]!;
    const dtAt = off + 1 + (h >>> LEN_SHIFT === MAX_INLINE_LEN ? 1 : 0);
    const fields = dtAt + (w[dtAt] === WIDE ? 3 : 1);
    const codec = CODECS[(h & 0xff) - 1]!;
    return codec.decode(w, fields, this.length - 1, this.lastTime, (h >>> 8) & 0xfff, this.strings);
  }

  /** Write one event at the end of the log; returns its index (its seq). */
  append(body: SimEventBody, t: number, core: number): number {
    const codec = codecOf(body.type);
    if (codec === undefined) throw new Error(`'${String(body.type)}' is not an event type`);
    const e = body as SimEvent;
    const u = this.open(
      codec.code,
      core,
      t,
      codec.fixedRoom >= 0 ? codec.fixedRoom : codec.room(e),
    );
    return this.close(codec.encode(e, this.w, u, this.internFn));
  }

  /** Append a whole event (tools and tests); its seq must be the log's length. */
  add(e: SimEvent): number {
    return this.append(e, e.t, e.core);
  }

  /** Add a batch received from the worker (the page's mirror of the log). */
  appendBatch(b: EncodedBatch): void {
    if (b.start !== this.length) {
      throw new Error(`event batch starts at ${b.start}, the log has ${this.length} events`);
    }
    if (b.stringBase !== this.strings.length) {
      throw new Error(`event batch strings start at ${b.stringBase}, have ${this.strings.length}`);
    }
    for (const s of b.strings) this.intern(s);
    if (b.count === 0) return;
    const chunk = this.chunks.length;
    this.cur = { words: b.words, used: b.words.length };
    this.chunks.push(this.cur);
    const w = b.words;
    let off = 0;
    let t = b.time0;
    for (let i = b.start; i < b.start + b.count; i++) {
      if ((i & (INDEX_EVERY - 1)) === 0) this.index(i, chunk, off, t);
      t += timeStep(w, off);
      off += recordLength(w, off);
    }
    this.lastTime = t;
    this.length += b.count;
  }

  /** Copy the records of events [from, to) into a transferable batch. */
  slice(from: number, to: number, stringBase: number): EncodedBatch {
    const count = Math.max(0, to - from);
    const pieces: Int32Array[] = [];
    let size = 0;
    let time0 = 0;
    if (count > 0) {
      this.seek(from);
      time0 = this.walk.t;
      let chunk = this.walk.chunk;
      let start = this.walk.off;
      let off = start;
      let t = time0;
      for (let i = from; i < to; i++) {
        let c = this.chunks[chunk]!;
        if (off >= c.used) {
          pieces.push(c.words.subarray(start, off));
          size += off - start;
          chunk++;
          c = this.chunks[chunk]!;
          start = off = 0;
        }
        t += timeStep(c.words, off);
        off += recordLength(c.words, off);
      }
      pieces.push(this.chunks[chunk]!.words.subarray(start, off));
      size += off - start;
      this.walk = { i: to, chunk, off, t };
    }
    const words = new Int32Array(size);
    let u = 0;
    for (const p of pieces) {
      words.set(p, u);
      u += p.length;
    }
    return {
      start: from,
      count,
      words,
      time0,
      strings: this.strings.slice(stringBase),
      stringBase,
    };
  }

  /** Position the walk at event i (its record's start, the time before it). */
  private seek(i: number): void {
    if (i < 0 || i >= this.length) {
      throw new RangeError(`event ${i} is not in the log (length ${this.length})`);
    }
    let { chunk, off, t } = this.walk;
    let at = this.walk.i;
    if (at < 0 || i < at || i - at > INDEX_EVERY) {
      const k = i >> INDEX_SHIFT;
      if (!this.retain) throw new RangeError(`event ${i} is no longer kept`);
      chunk = this.idxChunk[k]!;
      off = this.idxOff[k]!;
      t = this.idxTime[k]!;
      at = k << INDEX_SHIFT;
    }
    for (; at < i; at++) {
      let c = this.chunks[chunk]!;
      if (off >= c.used) {
        chunk++;
        off = 0;
        c = this.chunks[chunk]!;
      }
      t += timeStep(c.words, off);
      off += recordLength(c.words, off);
    }
    if (off >= this.chunks[chunk]!.used) {
      chunk++;
      off = 0;
    }
    this.walk = { i, chunk, off, t };
  }

  /** The event's type code without decoding it. */
  codeAt(i: number): number {
    this.seek(i);
    return this.chunks[this.walk.chunk]!.words[this.walk.off]! & 0xff;
  }

  timeAt(i: number): number {
    this.seek(i);
    const w = this.chunks[this.walk.chunk]!.words;
    return this.walk.t + timeStep(w, this.walk.off);
  }

  get(i: number): SimEvent {
    this.seek(i);
    const { chunk, off } = this.walk;
    const w = this.chunks[chunk]!.words;
    const h = w[off]!;
    const wide = h >>> LEN_SHIFT === MAX_INLINE_LEN ? 1 : 0;
    const dtAt = off + 1 + wide;
    const t = this.walk.t + getNumber(w, dtAt);
    const codec = CODECS[(h & 0xff) - 1]!;
    const fields = dtAt + (w[dtAt] === -2147483648 ? 3 : 1);
    return codec.decode(w, fields, i, t, (h >>> 8) & 0xfff, this.strings);
  }

  /** Decode events [from, to) in order. */
  *range(from: number, to: number): Generator<SimEvent> {
    for (let i = from; i < to; i++) yield this.get(i);
  }
}

function recordLength(w: Int32Array, off: number): number {
  const len = w[off]! >>> LEN_SHIFT;
  return len === MAX_INLINE_LEN ? w[off + 1]! : len;
}

function timeStep(w: Int32Array, off: number): number {
  return getNumber(w, off + 1 + (w[off]! >>> LEN_SHIFT === MAX_INLINE_LEN ? 1 : 0));
}

/** Type code of an event type in the binary record (0 for a name that is not an event type). */
export function codeOf(type: string): number {
  return codecOf(type)?.code ?? 0;
}
