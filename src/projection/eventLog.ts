// The event log in a compact binary form: one Float64 record per event ([code, t, core, fields])
// with strings interned. The worker keeps the run's log this way (about 50 bytes an event instead
// of ~170 for the objects) and ships slices of it to the page, which keeps them as its mirror;
// a slice is a transferable buffer, so no per-event structured clone (perf-limits.md §2).
import type { SimEvent } from '../sim/simEvents';
import { CODECS, DECODERS, type Codec } from './eventCodecs';
import { fits } from './eventSchema';

/** A slice of the log as it crosses the worker boundary. */
export interface EncodedBatch {
  /** Index of the first event. */
  start: number;
  count: number;
  data: Float64Array;
  /** count + 1 offsets into data. */
  offsets: Uint32Array;
  /** Strings interned since stringBase (the receiver appends them to its table). */
  strings: string[];
  stringBase: number;
}

interface Chunk {
  start: number;
  count: number;
  data: Float64Array;
  used: number;
  offsets: Uint32Array;
  sealed: boolean;
}

interface TypeInfo {
  codec: Codec | null;
  checked: boolean;
  json: boolean;
}

const CHUNK_EVENTS = 1 << 16;
const JSON_CODE = 0;

export class EventLog {
  readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly chunks: Chunk[] = [];
  private readonly info = new Map<string, TypeInfo>();
  private last = 0;
  length = 0;

  intern(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  private typeInfo(e: SimEvent): TypeInfo {
    let ti = this.info.get(e.type);
    if (ti === undefined) {
      const codec = CODECS.get(e.type) ?? null;
      ti = { codec, checked: false, json: codec === null };
      this.info.set(e.type, ti);
    }
    if (!ti.checked) {
      // First event of its type: fall back to JSON if it has fields the layout does not know.
      ti.checked = true;
      const layout = ti.codec?.layout ?? [];
      const names = new Set(['type', 'seq', 't', 'core', ...layout.map(([n]) => n)]);
      const r = e as unknown as Record<string, unknown>;
      if (Object.keys(r).some((k) => !names.has(k)) || layout.some(([n, k]) => !fits(k, r[n]))) {
        ti.json = true;
      }
    }
    return ti;
  }

  private writable(room: number): Chunk {
    let c = this.chunks[this.chunks.length - 1];
    if (c === undefined || c.sealed || c.count === CHUNK_EVENTS) {
      c = {
        start: this.length,
        count: 0,
        data: new Float64Array(CHUNK_EVENTS * 8),
        used: 0,
        offsets: new Uint32Array(CHUNK_EVENTS + 1),
        sealed: false,
      };
      this.chunks.push(c);
    }
    if (c.used + room > c.data.length) {
      const grown = new Float64Array(Math.max(c.data.length * 2, c.used + room));
      grown.set(c.data.subarray(0, c.used));
      c.data = grown;
    }
    return c;
  }

  private readonly internFn = (str: string): number => this.intern(str);

  /** Encode one event at the end of the log (its seq must equal the log's length). */
  append(e: SimEvent): void {
    const ti = this.typeInfo(e);
    const codec = ti.json ? null : ti.codec;
    let json = '';
    let room = 4;
    if (codec === null) {
      const { seq: _s, t: _t, core: _c, ...body } = e as unknown as Record<string, unknown>;
      json = JSON.stringify(body);
    } else room = codec.room(e);
    const c = this.writable(room);
    const d = c.data;
    let u = c.used;
    d[u++] = codec === null ? JSON_CODE : codec.code;
    d[u++] = e.t;
    d[u++] = e.core;
    if (codec === null) d[u++] = this.intern(json);
    else u = codec.encode(e, d, u, this.internFn);
    c.used = u;
    c.count++;
    c.offsets[c.count] = u;
    this.length++;
  }

  /** Add a batch received from the worker (the page's mirror of the log). */
  appendBatch(b: EncodedBatch): void {
    if (b.start !== this.length) {
      throw new Error(`event batch starts at ${b.start}, the log has ${this.length} events`);
    }
    if (b.stringBase !== this.strings.length) {
      throw new Error(`event batch strings start at ${b.stringBase}, have ${this.strings.length}`);
    }
    for (const s of b.strings) this.strings.push(s);
    if (b.count === 0) return;
    this.chunks.push({
      start: b.start,
      count: b.count,
      data: b.data,
      used: b.offsets[b.count]!,
      offsets: b.offsets,
      sealed: true,
    });
    this.length += b.count;
  }

  /** Copy events [from, to) into a transferable batch; strings from stringBase on come along. */
  slice(from: number, to: number, stringBase: number): EncodedBatch {
    const count = Math.max(0, to - from);
    const offsets = new Uint32Array(count + 1);
    let size = 0;
    for (let i = from; i < to;) {
      const c = this.chunkOf(i);
      const n = Math.min(to, c.start + c.count) - i;
      size += c.offsets[i - c.start + n]! - c.offsets[i - c.start]!;
      i += n;
    }
    const data = new Float64Array(size);
    let u = 0;
    for (let i = from; i < to;) {
      const c = this.chunkOf(i);
      const lo = i - c.start;
      const n = Math.min(to, c.start + c.count) - i;
      const base = c.offsets[lo]!;
      const end = c.offsets[lo + n]!;
      data.set(c.data.subarray(base, end), u);
      for (let k = 0; k < n; k++) offsets[i - from + k] = u + c.offsets[lo + k]! - base;
      u += end - base;
      i += n;
    }
    offsets[count] = u;
    return {
      start: from,
      count,
      data,
      offsets,
      strings: this.strings.slice(stringBase),
      stringBase,
    };
  }

  private chunkOf(i: number): Chunk {
    const cs = this.chunks;
    let c = cs[this.last];
    if (c !== undefined && i >= c.start && i < c.start + c.count) return c;
    let lo = 0;
    let hi = cs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (cs[mid]!.start <= i) lo = mid;
      else hi = mid - 1;
    }
    c = cs[lo];
    if (c === undefined || i < c.start || i >= c.start + c.count) {
      throw new RangeError(`event ${i} is not in the log (length ${this.length})`);
    }
    this.last = lo;
    return c;
  }

  /** The event's type code (0 = carried as JSON) without decoding it. */
  codeAt(i: number): number {
    const c = this.chunkOf(i);
    return c.data[c.offsets[i - c.start]!]!;
  }

  timeAt(i: number): number {
    const c = this.chunkOf(i);
    return c.data[c.offsets[i - c.start]! + 1]!;
  }

  get(i: number): SimEvent {
    const c = this.chunkOf(i);
    return decode(c.data, c.offsets[i - c.start]!, i, this.strings);
  }

  /** Decode events [from, to) in order. */
  *range(from: number, to: number): Generator<SimEvent> {
    for (let i = from; i < to; i++) yield this.get(i);
  }
}

/** Type code of an event type in the compact encoding (0 if it is carried as JSON). */
export function codeOf(type: string): number {
  return CODECS.get(type)?.code ?? JSON_CODE;
}

function decode(d: Float64Array, off: number, seq: number, strings: string[]): SimEvent {
  const code = d[off]!;
  const decoder = DECODERS[code];
  if (decoder !== undefined) return decoder(d, off, seq, strings);
  const body = JSON.parse(strings[d[off + 3]!]!) as Record<string, unknown>;
  return { ...body, seq, t: d[off + 1]!, core: d[off + 2]! } as unknown as SimEvent;
}
