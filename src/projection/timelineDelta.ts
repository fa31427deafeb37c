// The part of the timeline added since the last delta, as typed arrays: the worker transfers
// their buffers to the page (perf-limits.md §2: a structured clone of a number array copies it
// element by element). A track's last span can still change (several changes at one instant
// merge into it), so a spans tail restarts one before the end of what was sent; points are only
// ever appended. Every column of one delta is a view into one buffer: a delta transfers one
// ArrayBuffer, not one per column (hundreds, each with its own cost on both sides).
import type { Points, Spans } from './timeline';

export interface SpansTail {
  /** Index of the first span in the tail; the receiver drops its spans from here on. */
  from: number;
  start: Float64Array<ArrayBuffer>;
  mode: Float64Array<ArrayBuffer>;
  other: Float64Array<ArrayBuffer>;
  index: Float64Array<ArrayBuffer>;
}

export interface PointsTail {
  from: number;
  columns: Record<string, Float64Array<ArrayBuffer>>;
}

export interface TimelineDelta {
  count: number;
  end: number;
  /** Thread tracks first seen since the last delta, in track order from nameBase. */
  nameBase: number;
  names: string[];
  cores: SpansTail[];
  threads: SpansTail[];
  /** messages, slowpaths, console, migrations. */
  points: PointsTail[];
}

/** Hands out the columns of a delta, in order, as views of one buffer of `size` numbers. */
export type Take = (n: number) => Float64Array<ArrayBuffer>;

export function packed(size: number): Take {
  const buf = new Float64Array(size);
  let off = 0;
  return (n) => buf.subarray(off, (off += n));
}

const own: Take = (n) => new Float64Array(n);

/** Where a spans tail starts: one before `sent`, the last span sent, which may have changed. */
const tailFrom = (sent: number): number => Math.max(0, sent - 1);

/** Numbers a spans tail takes (spansTail's arguments). */
export function spansTailSize(s: Spans, sent: number, dropped = 0): number {
  return 4 * Math.max(0, s.start.length - (tailFrom(sent) - dropped));
}

/** The spans from one before `sent` on; the first `dropped` spans are no longer in `s`. */
export function spansTail(s: Spans, sent: number, dropped = 0, take = own): SpansTail {
  const from = tailFrom(sent);
  const at = from - dropped;
  return {
    from,
    start: tailOf(s.start, at, take),
    mode: tailOf(s.mode, at, take),
    other: tailOf(s.other, at, take),
    index: tailOf(s.index, at, take),
  };
}

function tailOf(a: number[], from: number, take: Take): Float64Array<ArrayBuffer> {
  const out = take(Math.max(0, a.length - from));
  for (let i = 0; i < out.length; i++) out[i] = a[from + i]!;
  return out;
}

function appendTail(col: number[], from: number, values: Float64Array): void {
  col.length = Math.min(col.length, from);
  for (let i = 0; i < values.length; i++) col.push(values[i]!);
}

/** The buffers a delta can hand over instead of copying (postMessage's transfer list). */
export function deltaBuffers(d: TimelineDelta): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const t of [...d.cores, ...d.threads]) {
    for (const c of [t.start, t.mode, t.other, t.index]) if (c.length > 0) out.add(c.buffer);
  }
  for (const p of d.points) {
    for (const c of Object.values(p.columns)) if (c.length > 0) out.add(c.buffer);
  }
  return [...out];
}

export function applySpansTail(s: Spans, tail: SpansTail): void {
  for (const k of ['start', 'mode', 'other', 'index'] as const)
    appendTail(s[k], tail.from, tail[k]);
}

/** Numbers a points tail takes (pointsTail's arguments). */
export function pointsTailSize(p: Points, sent: number, dropped = 0): number {
  return Object.keys(p).length * Math.max(0, p.t.length - (sent - dropped));
}

/** The points from `sent` on; the first `dropped` points are no longer in `p`. */
export function pointsTail(p: Points, sent: number, dropped = 0, take = own): PointsTail {
  const columns: Record<string, Float64Array<ArrayBuffer>> = {};
  for (const k of Object.keys(p)) columns[k] = tailOf(p[k]!, sent - dropped, take);
  return { from: sent, columns };
}

export function applyPointsTail(p: Points, tail: PointsTail): void {
  for (const [k, values] of Object.entries(tail.columns)) {
    const col = p[k];
    if (col !== undefined) appendTail(col, tail.from, values);
  }
}
