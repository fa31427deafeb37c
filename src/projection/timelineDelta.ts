// The part of the timeline added since the last delta, as plain arrays. A track's last span can
// still change (several changes at one instant merge into it), so a spans tail restarts one
// before the end of what was sent; points are only ever appended.
import type { Points, Spans } from './timeline';

export interface SpansTail {
  /** Index of the first span in the tail; the receiver drops its spans from here on. */
  from: number;
  start: number[];
  mode: number[];
  other: number[];
  index: number[];
}

export interface PointsTail {
  from: number;
  columns: Record<string, number[]>;
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

export function spansTail(s: Spans, sent: number): SpansTail {
  const from = Math.max(0, sent - 1);
  return {
    from,
    start: s.start.slice(from),
    mode: s.mode.slice(from),
    other: s.other.slice(from),
    index: s.index.slice(from),
  };
}

export function applySpansTail(s: Spans, tail: SpansTail): void {
  for (const k of ['start', 'mode', 'other', 'index'] as const) {
    s[k].length = Math.min(s[k].length, tail.from);
    for (const v of tail[k]) s[k].push(v);
  }
}

export function pointsTail(p: Points, sent: number): PointsTail {
  const columns: Record<string, number[]> = {};
  for (const k of Object.keys(p)) columns[k] = p[k]!.slice(sent);
  return { from: sent, columns };
}

export function applyPointsTail(p: Points, tail: PointsTail): void {
  for (const [k, values] of Object.entries(tail.columns)) {
    const col = p[k];
    if (col === undefined) continue;
    col.length = Math.min(col.length, tail.from);
    for (const v of values) col.push(v);
  }
}
