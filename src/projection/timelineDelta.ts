// The part of the timeline added since the last delta, as typed arrays: the worker transfers
// their buffers to the page (perf-limits.md §2: a structured clone of a number array copies it
// element by element). A track's last span can still change (several changes at one instant
// merge into it), so a spans tail restarts one before the end of what was sent; points are only
// ever appended. Every column of one delta is a view into one buffer: a delta transfers one
// ArrayBuffer, not one per column (hundreds, each with its own cost on both sides).
import type { Column } from './column';
import { SPAN_COLUMNS, type PointSet, type SpanTrack } from './timeline';

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
export function spansTailSize(s: SpanTrack, sent: number, dropped = 0): number {
  return 4 * Math.max(0, s.columns.start.length - (tailFrom(sent) - dropped));
}

/** The spans from one before `sent` on; the first `dropped` spans are no longer in `s`. */
export function spansTail(s: SpanTrack, sent: number, dropped = 0, take = own): SpansTail {
  const from = tailFrom(sent);
  const at = from - dropped;
  const c = s.columns;
  return {
    from,
    start: tailOf(c.start, at, take),
    mode: tailOf(c.mode, at, take),
    other: tailOf(c.other, at, take),
    index: tailOf(c.index, at, take),
  };
}

function tailOf(c: Column, from: number, take: Take): Float64Array<ArrayBuffer> {
  const out = take(Math.max(0, c.length - from));
  c.copyTail(from, out);
  return out;
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

export function applySpansTail(s: SpanTrack, tail: SpansTail): void {
  for (const k of SPAN_COLUMNS) s.columns[k].replaceFrom(tail.from, tail[k]);
}

/** Numbers a points tail takes (pointsTail's arguments). */
export function pointsTailSize(p: PointSet, sent: number, dropped = 0): number {
  return Object.keys(p.columns).length * Math.max(0, p.columns.t.length - (sent - dropped));
}

/** The points from `sent` on; the first `dropped` points are no longer in `p`. */
export function pointsTail(p: PointSet, sent: number, dropped = 0, take = own): PointsTail {
  const columns: Record<string, Float64Array<ArrayBuffer>> = {};
  for (const [k, c] of Object.entries<Column>(p.columns))
    columns[k] = tailOf(c, sent - dropped, take);
  return { from: sent, columns };
}

export function applyPointsTail(p: PointSet, tail: PointsTail): void {
  const cols: Readonly<Record<string, Column | undefined>> = p.columns;
  for (const [k, values] of Object.entries(tail.columns)) cols[k]?.replaceFrom(tail.from, values);
}
